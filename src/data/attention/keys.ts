import type { AttentionFilters } from '@/lib/attention-types';

export const attentionKeys = {
  all: ['attention'] as const,
  claims: () => [...attentionKeys.all, 'claims'] as const,
  queues: ['attention', 'queue'] as const,
  queue: (filters: AttentionFilters) => [...attentionKeys.queues, filters] as const,
  allEvents: ['attention', 'events'] as const,
  events: (sessionIds: readonly string[]) => [...attentionKeys.allEvents, sessionIds] as const,
  rules: () => [...attentionKeys.all, 'rules'] as const,
  staff: () => [...attentionKeys.all, 'staff'] as const,
};
