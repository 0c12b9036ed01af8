import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { KeyedThrottle } from './throttle';

/** What each domain's realtime handler gets: the cache, and a throttled refetch. */
export interface RealtimeContext {
  queryClient: QueryClient;
  /** Refetch the active queries under `queryKey`, at most once per 2 s per key. */
  refetchSoon: (queryKey: QueryKey) => void;
}

export const REFETCH_THROTTLE_MS = 2_000;

export function createRealtimeContext(
  queryClient: QueryClient,
  throttle: KeyedThrottle,
): RealtimeContext {
  return {
    queryClient,
    refetchSoon: (queryKey) =>
      throttle.schedule(
        JSON.stringify(queryKey),
        () => void queryClient.invalidateQueries({ queryKey }),
      ),
  };
}
