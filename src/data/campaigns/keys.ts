export const campaignKeys = {
  all: ['campaigns'] as const,
  stats: () => [...campaignKeys.all, 'stats'] as const,
  statsOf: (campaign: string) => [...campaignKeys.stats(), campaign] as const,
  info: (campaign: string) => [...campaignKeys.all, 'info', campaign] as const,
  sessions: (campaign: string, statuses: readonly string[]) =>
    [...campaignKeys.all, 'sessions', campaign, { statuses }] as const,
};
