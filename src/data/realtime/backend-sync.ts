import type { QueryClient } from '@tanstack/react-query';
import type { BackendChange, ChangeHandlers } from '@/lib/backend-changes';
import { applyAttentionChange } from '../attention/attention-realtime';
import { attentionKeys } from '../attention/keys';
import { applyCallChange } from '../calls/calls-realtime';
import { callKeys } from '../calls/keys';
import { applyCampaignChange } from '../campaigns/campaigns-realtime';
import { campaignKeys } from '../campaigns/keys';
import { applyCandidateChange } from '../candidates/candidates-realtime';
import { candidateKeys } from '../candidates/keys';
import { applyChatChange } from '../chat/chat-realtime';
import { chatKeys } from '../chat/keys';
import { liveKeys } from '../live/keys';
import { applyLiveChange } from '../live/live-realtime';
import { searchKeys } from '../search/keys';
import { applySearchChange } from '../search/search-realtime';
import type { ConnectionStore } from './connection-store';
import {
  type RealtimeContext,
  REFETCH_THROTTLE_MS,
  createRealtimeContext,
} from './realtime-context';
import { createKeyedThrottle } from './throttle';

const HANDLERS: Array<(context: RealtimeContext, change: BackendChange) => void> = [
  applyChatChange,
  applyCallChange,
  applyLiveChange,
  applyCampaignChange,
  applyCandidateChange,
  applySearchChange,
  applyAttentionChange,
];

/** Everything that shows backend data: refetched after every (re)subscription to backfill gaps. */
const BACKEND_ROOTS = [
  liveKeys.all,
  campaignKeys.all,
  candidateKeys.all,
  chatKeys.all,
  callKeys.all,
  searchKeys.all,
  attentionKeys.queues,
];

/** A connection down this long is shown as Offline rather than Reconnecting. */
export const OFFLINE_AFTER_MS = 15_000;

/**
 * How often the sync notes that the page is running. Timers stand still while the machine sleeps,
 * so a drop noticed long after the last tick happened at that tick, not when it was noticed.
 */
export const AWAKE_TICK_MS = 5_000;

export interface BackendSyncOptions {
  queryClient: QueryClient;
  watch: (handlers: ChangeHandlers) => () => void;
  store: ConnectionStore;
}

/**
 * Live updates (DESIGN §2): changes patch or refetch the cache (throttled); each SUBSCRIBED, the
 * first and after every reconnect, refetches what is on screen so rows written while
 * disconnected appear. Polling stays on in the queries themselves as a safety net (the candidate
 * summary and conversation poll only while this is not live).
 *
 * The store's lastSyncedAt is when the data was last known to equal the backend: while live, the
 * latest subscription or change; once down, the moment it went down. A stopped sync writes
 * nothing more, whatever its channel still reports: the next user's sync owns the store.
 */
export function startBackendSync({ queryClient, watch, store }: BackendSyncOptions): () => void {
  const throttle = createKeyedThrottle(REFETCH_THROTTLE_MS);
  const context = createRealtimeContext(queryClient, throttle);
  let stopped = false;
  let offlineTimer: ReturnType<typeof setTimeout> | undefined;
  let awakeAt = Date.now();
  const awake = setInterval(() => (awakeAt = Date.now()), AWAKE_TICK_MS);

  /** Now, unless the timers stood still since the last tick (the machine slept): then that tick. */
  const lastAwake = () => {
    const now = Date.now();
    return now - awakeAt > 2 * AWAKE_TICK_MS ? awakeAt : now;
  };

  /** Leaves Live: the data was in sync until now, or until the machine fell asleep. */
  const goDown = (status: 'reconnecting' | 'offline') => {
    const wasLive = store.get().status === 'live';
    store.set({ status, ...(wasLive && { lastSyncedAt: lastAwake() }) });
  };
  const markDown = () => {
    if (store.get().status === 'offline') return;
    goDown(
      typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'reconnecting',
    );
    offlineTimer ??= setTimeout(() => store.set({ status: 'offline' }), OFFLINE_AFTER_MS);
  };
  const goOffline = () => goDown('offline');

  store.set({ status: 'connecting' });
  const unwatch = watch({
    onChange(change) {
      if (stopped) return;
      for (const apply of HANDLERS) apply(context, change);
      store.set({ lastSyncedAt: Date.now() });
    },
    onStatus(status) {
      if (stopped) return;
      if (status !== 'SUBSCRIBED') return markDown();
      clearTimeout(offlineTimer);
      offlineTimer = undefined;
      // Backfill first: whatever reacts to Live (the catch-up after a gap) then joins these
      // refetches instead of restarting them.
      for (const queryKey of BACKEND_ROOTS) void queryClient.invalidateQueries({ queryKey });
      store.set({ status: 'live', lastSyncedAt: Date.now() });
    },
  });
  globalThis.addEventListener?.('offline', goOffline);

  return () => {
    stopped = true;
    unwatch();
    context.dispose();
    throttle.cancelAll();
    clearTimeout(offlineTimer);
    clearInterval(awake);
    globalThis.removeEventListener?.('offline', goOffline);
    store.set({ status: 'connecting', lastSyncedAt: null });
  };
}
