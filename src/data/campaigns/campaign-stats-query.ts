import { queryOptions, useQuery } from '@tanstack/react-query';
import { getCampaignStats } from '@/lib/backend-api';
import { STATS_REFRESH_MS } from '../refresh';
import { campaignKeys } from './keys';

/** Every campaign's statistics in one request. */
const allCampaignStatsQuery = () =>
  queryOptions({
    queryKey: campaignKeys.stats(),
    queryFn: ({ signal }) => getCampaignStats(undefined, { signal }),
    refetchInterval: STATS_REFRESH_MS,
  });

export const useAllCampaignStats = () => useQuery(allCampaignStatsQuery());
