import type { LiveSessionFilters } from '@/lib/backend-types';

export const liveKeys = {
  all: ['live'] as const,
  sessions: (limit: number, filters: LiveSessionFilters) =>
    [...liveKeys.all, 'sessions', limit, filters] as const,
};
