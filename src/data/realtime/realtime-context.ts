import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { KeyedThrottle } from './throttle';

/** What each domain's realtime handler gets: the cache, a patch, and a throttled refetch. */
export interface RealtimeContext {
  queryClient: QueryClient;
  /**
   * Applies an event to one cached query now (`update` gets the cached data). A fetch of that
   * query already in flight may have read the database before the event's commit, and would
   * put back what it read (a next page even writes back the pages it started from): the update
   * is applied again once that fetch settles. So updates must be idempotent, as the merge rule's
   * are, and judge what they need when they run.
   */
  patch: <T>(queryKey: QueryKey, update: (data: T) => T) => void;
  /** Refetch the active queries under `queryKey`, at most once per 2 s per key. */
  refetchSoon: (queryKey: QueryKey) => void;
  /** Stops what the context keeps running (called when the sync stops). */
  dispose: () => void;
}

export const REFETCH_THROTTLE_MS = 2_000;

type Update = (data: unknown) => unknown;

export function createRealtimeContext(
  queryClient: QueryClient,
  throttle: KeyedThrottle,
): RealtimeContext {
  const cache = queryClient.getQueryCache();
  /** Updates to apply again when the fetch in flight of that query (by hash) settles. */
  const pending = new Map<string, Update[]>();

  const apply = (queryKey: QueryKey, updates: Update[]) => {
    const before: unknown = queryClient.getQueryData(queryKey);
    if (before === undefined) return;
    const after = updates.reduce<unknown>((data, update) => update(data), before);
    if (after !== before) queryClient.setQueryData(queryKey, after);
  };

  // Success, error or cancellation: whichever way the fetch ended, its data is what stays.
  const unsubscribe = cache.subscribe((event) => {
    if (event.type !== 'updated' && event.type !== 'removed') return;
    const { query } = event;
    const updates = pending.get(query.queryHash);
    if (!updates || (event.type === 'updated' && query.state.fetchStatus !== 'idle')) return;
    pending.delete(query.queryHash);
    if (event.type === 'updated') apply(query.queryKey, updates);
  });

  return {
    queryClient,
    patch: (queryKey, update) => {
      const query = cache.find({ queryKey, exact: true });
      if (!query) return;
      apply(queryKey, [update as Update]);
      if (query.state.fetchStatus === 'fetching')
        pending.set(query.queryHash, [...(pending.get(query.queryHash) ?? []), update as Update]);
    },
    refetchSoon: (queryKey) =>
      throttle.schedule(
        JSON.stringify(queryKey),
        () => void queryClient.invalidateQueries({ queryKey }),
      ),
    dispose: () => {
      unsubscribe();
      pending.clear();
    },
  };
}
