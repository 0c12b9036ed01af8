import { type QueryKey, useQueryClient } from '@tanstack/react-query';

/**
 * A query's options with automatic refreshing stopped while `paused`: no polling, and realtime
 * invalidations pass it by (they refetch active queries only, and a disabled query is not
 * active). A key with nothing cached yet still loads once, so changing a filter while paused
 * shows its result; an explicit refetch (Retry, Refresh) always runs.
 */
export function usePausable<T extends { queryKey: QueryKey; refetchInterval?: unknown }>(
  options: T,
  paused: boolean,
): T & { enabled: boolean } {
  const queryClient = useQueryClient();
  const cached = queryClient.getQueryData(options.queryKey) !== undefined;
  return {
    ...options,
    enabled: !paused || !cached,
    refetchInterval: paused ? false : options.refetchInterval,
  };
}
