import { queryOptions, useQuery } from '@tanstack/react-query';
import { getSessionsByCampaign } from '@/lib/backend-api';
import { STATS_REFRESH_MS } from '../refresh';
import { campaignKeys } from './keys';

export const campaignSessionsQuery = (campaign: string, statuses: readonly string[] = []) =>
  queryOptions({
    queryKey: campaignKeys.sessions(campaign, statuses),
    queryFn: ({ signal }) =>
      getSessionsByCampaign(campaign, { statuses: [...statuses] }, { signal }),
    refetchInterval: STATS_REFRESH_MS,
  });

export const useCampaignSessions = (campaign: string, statuses: readonly string[] = []) =>
  useQuery(campaignSessionsQuery(campaign, statuses));
