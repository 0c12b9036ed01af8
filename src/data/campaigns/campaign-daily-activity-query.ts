import { queryOptions, useQuery } from '@tanstack/react-query';
import { getCampaignDailyActivity } from '@/lib/backend-api';
import { STATS_REFRESH_MS } from '../refresh';
import { campaignKeys } from './keys';

/** The viewer's time zone (DESIGN §8), so "a day" is the viewer's day. */
const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/London';

const campaignDailyActivityQuery = (campaign: string, days = 14, timeZone = viewerTimeZone()) =>
  queryOptions({
    queryKey: campaignKeys.dailyActivity(campaign, days, timeZone),
    queryFn: ({ signal }) => getCampaignDailyActivity(campaign, { days, timeZone }, { signal }),
    refetchInterval: STATS_REFRESH_MS,
  });

export const useCampaignDailyActivity = (campaign: string, days = 14) =>
  useQuery(campaignDailyActivityQuery(campaign, days));
