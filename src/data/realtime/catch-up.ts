import type { QueryClient } from '@tanstack/react-query';
import type { BackendActivity } from '@/lib/backend-activity';
import { authKeys } from '../auth/keys';
import type { CatchUpNotices } from './catch-up-notice';
import type { ConnectionStore } from './connection-store';

/** Away (tab hidden, or connection down) at least this long: refetch everything and say what came. */
export const CATCH_UP_AFTER_MS = 30_000;

export interface CatchUpOptions {
  queryClient: QueryClient;
  store: ConnectionStore;
  notices: CatchUpNotices;
  /** How many messages and calls the server holds after `since` (backend-api's getActivitySince). */
  countSince: (since: Date, signal: AbortSignal) => Promise<BackendActivity>;
}

/**
 * Catch-up after sleep (issue "Live equals fresh", 6). Realtime replays nothing and a hidden or
 * sleeping tab may have missed changes or kept polled data for long: once the user is back (the
 * tab visible and the connection live) after being away long enough, every query on screen is
 * refetched and a notice says what arrived meanwhile ("12 new messages, 2 calls since 08:14").
 * "Away since" is the earliest of: when the tab was hidden (or the connection's lastSyncedAt, if
 * it was already down then) and when the connection went down.
 */
export function startCatchUp({
  queryClient,
  store,
  notices,
  countSince,
}: CatchUpOptions): () => void {
  const stopped = new AbortController();
  const hidden = () => document.visibilityState === 'hidden';
  const isLive = () => store.get().status === 'live';
  /** Since when the data on screen may lack what the backend has; null while in sync. */
  let awaySince: number | null = hidden() ? Date.now() : null;
  let wasLive = isLive();

  const away = (since: number) => {
    awaySince ??= since;
  };

  const catchUp = () => {
    if (awaySince === null || hidden() || !isLive()) return;
    const since = awaySince;
    awaySince = null;
    // A short blip is backfilled by the resubscription alone, without a word.
    if (Date.now() - since < CATCH_UP_AFTER_MS) return;
    // The app's data too, not only the backend's: notes or jobs edited in another tab. The
    // session is kept current by its own listener. Refetches already under way (the backfill
    // after SUBSCRIBED) are joined, not restarted.
    void queryClient.invalidateQueries(
      { predicate: (query) => query.queryKey[0] !== authKeys.all[0] },
      { cancelRefetch: false },
    );
    // One notice at a time: if the last is still up, the new one counts from its moment.
    const from = Math.min(since, notices.get()?.since ?? Infinity);
    countSince(new Date(from), stopped.signal).then(
      (activity) => {
        if (stopped.signal.aborted) return;
        if (activity.messages || activity.calls) notices.show({ since: from, ...activity });
      },
      // Only the notice is lost: the screens show their own refetch errors.
      () => undefined,
    );
  };

  const onVisibility = () => {
    if (!hidden()) return catchUp();
    const { lastSyncedAt } = store.get();
    away(isLive() ? Date.now() : (lastSyncedAt ?? Date.now()));
  };
  const onConnection = () => {
    const live = isLive();
    if (live === wasLive) return;
    wasLive = live;
    if (live) catchUp();
    // Set by the sync to when the connection went down (or the machine fell asleep).
    else away(store.get().lastSyncedAt ?? Date.now());
  };

  document.addEventListener('visibilitychange', onVisibility);
  const unsubscribe = store.subscribe(onConnection);
  return () => {
    stopped.abort();
    document.removeEventListener('visibilitychange', onVisibility);
    unsubscribe();
    notices.dismiss();
  };
}
