import type { LiveFilters } from './live-sessions-query';

export const liveKeys = {
  all: ['live'] as const,
  sessions: (limit: number, filters: LiveFilters) =>
    [...liveKeys.all, 'sessions', limit, filters] as const,
  statusCounts: (campaign: string | null) =>
    [...liveKeys.all, 'status-counts', { campaign }] as const,
};
