import type { CampaignSessionFilters } from '@/lib/backend-types';

export const campaignKeys = {
  all: ['campaigns'] as const,
  stats: () => [...campaignKeys.all, 'stats'] as const,
  sessions: (campaign: string, filters: CampaignSessionFilters) =>
    [...campaignKeys.all, 'sessions', campaign, filters] as const,
  funnel: (campaign: string) => [...campaignKeys.all, 'funnel', campaign] as const,
  dailyActivity: (campaign: string, days: number, timeZone: string) =>
    [...campaignKeys.all, 'daily-activity', campaign, { days, timeZone }] as const,
};
