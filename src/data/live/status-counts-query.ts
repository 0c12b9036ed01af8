import { queryOptions, useQuery } from '@tanstack/react-query';
import { getSessionStatusCounts } from '@/lib/backend-api';
import { LIVE_REFRESH_MS } from '../refresh';
import { liveKeys } from './keys';
import { usePausable } from './pausable';

/** Sessions per status, for one campaign or all (null): counted in Postgres. */
const statusCountsQuery = (campaign: string | null) =>
  queryOptions({
    queryKey: liveKeys.statusCounts(campaign),
    queryFn: ({ signal }) => getSessionStatusCounts(campaign, { signal }),
    refetchInterval: LIVE_REFRESH_MS,
  });

export const useStatusCounts = (campaign: string | null, options: { paused?: boolean } = {}) =>
  useQuery(usePausable(statusCountsQuery(campaign), options.paused ?? false));
