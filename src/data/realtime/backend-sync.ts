import type { QueryClient } from '@tanstack/react-query';
import type { BackendChange, ChangeHandlers } from '@/lib/backend-changes';
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
];

/** Everything that shows backend data: refetched after every (re)subscription to backfill gaps. */
const BACKEND_ROOTS = [
  liveKeys.all,
  campaignKeys.all,
  candidateKeys.all,
  chatKeys.all,
  callKeys.all,
];

/** A connection down this long is shown as Offline rather than Reconnecting. */
export const OFFLINE_AFTER_MS = 15_000;

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
 */
export function startBackendSync({ queryClient, watch, store }: BackendSyncOptions): () => void {
  const throttle = createKeyedThrottle(REFETCH_THROTTLE_MS);
  const context = createRealtimeContext(queryClient, throttle);
  let offlineTimer: ReturnType<typeof setTimeout> | undefined;

  const markDown = () => {
    if (store.get().status === 'offline') return;
    store.set({
      status:
        typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'reconnecting',
    });
    offlineTimer ??= setTimeout(() => store.set({ status: 'offline' }), OFFLINE_AFTER_MS);
  };
  const goOffline = () => store.set({ status: 'offline' });

  store.set({ status: 'connecting' });
  const unwatch = watch({
    onChange(change) {
      for (const apply of HANDLERS) apply(context, change);
      store.set({ lastSyncedAt: Date.now() });
    },
    onStatus(status) {
      if (status !== 'SUBSCRIBED') return markDown();
      clearTimeout(offlineTimer);
      offlineTimer = undefined;
      store.set({ status: 'live', lastSyncedAt: Date.now() });
      for (const queryKey of BACKEND_ROOTS) void queryClient.invalidateQueries({ queryKey });
    },
  });
  globalThis.addEventListener?.('offline', goOffline);

  return () => {
    unwatch();
    throttle.cancelAll();
    clearTimeout(offlineTimer);
    globalThis.removeEventListener?.('offline', goOffline);
    store.set({ status: 'connecting', lastSyncedAt: null });
  };
}
