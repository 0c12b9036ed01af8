import { queryOptions, useQuery } from '@tanstack/react-query';
import { getCampaignInfo } from '@/lib/backend-api';
import { campaignKeys } from './keys';

export const campaignInfoQuery = (campaign: string) =>
  queryOptions({
    queryKey: campaignKeys.info(campaign),
    queryFn: ({ signal }) => getCampaignInfo(campaign, { signal }),
    // Campaign configuration changes rarely.
    staleTime: 5 * 60_000,
  });

export const useCampaignInfo = (campaign: string) => useQuery(campaignInfoQuery(campaign));
