import type { BackendChange } from '@/lib/backend-changes';
import type { RealtimeContext } from '../realtime/realtime-context';
import { searchKeys } from './keys';
import type { SearchPages } from './search-query';

/**
 * Search results follow the agent's writes: a deleted message or call leaves every open result
 * list at once (the DELETE carries only its key); anything else may add, change or reorder hits
 * and counts, which only the search can say: those are read again, throttled.
 */
export function applySearchChange(context: RealtimeContext, change: BackendChange): void {
  if (change.table !== 'chat_history' && change.table !== 'calls') return;
  const { queryClient, patch, refetchSoon } = context;
  if (change.eventType === 'DELETE') {
    const kind = change.table === 'calls' ? 'call' : 'message';
    const id = String(change.table === 'calls' ? change.old.call_id : change.old.id);
    for (const [queryKey] of queryClient.getQueriesData({ queryKey: searchKeys.allHits }))
      patch<SearchPages>(queryKey, (data) => {
        const holds = data.pages.some((page) =>
          page.hits.some((hit) => hit.kind === kind && hit.id === id),
        );
        if (!holds) return data;
        return {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            hits: page.hits.filter((hit) => !(hit.kind === kind && hit.id === id)),
          })),
        };
      });
  }
  // People (names and phones) are the app's data, not changed by the agent's writes.
  refetchSoon(searchKeys.allHits);
  refetchSoon(searchKeys.allFacets);
}
