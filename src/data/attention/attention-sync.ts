import type { QueryClient } from '@tanstack/react-query';
import type { AttentionTableChange } from '@/lib/app-attention-queries';
import type { TableHandlers } from '@/lib/backend-changes';
import { invalidateEvents, mergeClaimChange } from './claims';
import { attentionKeys } from './keys';

/**
 * Keeps the claims live from the app project's realtime: a colleague's assign, resolve or snooze
 * is merged into the cache at once (the entry shows who has it, or leaves), its audit trail and
 * the queue are read again. Each SUBSCRIBED (the first and after a reconnect) reads the claims
 * again, for changes made while disconnected.
 */
export function startAttentionSync(
  queryClient: QueryClient,
  watch: (handlers: TableHandlers<AttentionTableChange>) => () => void,
): () => void {
  return watch({
    onChange: (change) => {
      if (change.table === 'attention_rules') {
        // A manager changed a campaign's thresholds: few rows, read again with the queues.
        void queryClient.invalidateQueries({ queryKey: attentionKeys.rules() });
        void queryClient.invalidateQueries({ queryKey: attentionKeys.queues });
        return;
      }
      const refetch = mergeClaimChange(queryClient, change);
      if (refetch) void queryClient.invalidateQueries({ queryKey: attentionKeys.claims() });
      const sessionId = change.row.session_id ?? change.old.session_id;
      if (sessionId) void invalidateEvents(queryClient, sessionId);
      void queryClient.invalidateQueries({ queryKey: attentionKeys.queues });
    },
    onStatus: (status) => {
      if (status === 'SUBSCRIBED')
        void queryClient.invalidateQueries({ queryKey: attentionKeys.all });
    },
  });
}
