import { queryOptions, useQuery } from '@tanstack/react-query';
import { getCampaignFunnel } from '@/lib/backend-api';
import { STATS_REFRESH_MS } from '../refresh';
import { campaignKeys } from './keys';

/** Contacts → replied → called → each objective: one request. */
const campaignFunnelQuery = (campaign: string) =>
  queryOptions({
    queryKey: campaignKeys.funnel(campaign),
    queryFn: ({ signal }) => getCampaignFunnel(campaign, { signal }),
    refetchInterval: STATS_REFRESH_MS,
  });

export const useCampaignFunnel = (campaign: string) => useQuery(campaignFunnelQuery(campaign));
