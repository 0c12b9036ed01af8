import type { QueryClient } from '@tanstack/react-query';
import type { ClaimRow } from '@/lib/app-attention-queries';
import type { TableHandlers } from '@/lib/backend-changes';
import { mergeClaimChange } from './claims';
import { attentionKeys } from './keys';

/**
 * Keeps the claims live from the app project's realtime: a colleague's assign, resolve or snooze
 * is merged into the cache at once (the entry shows who has it, or leaves), its audit trail and
 * the queue are read again. Each SUBSCRIBED (the first and after a reconnect) reads the claims
 * again, for changes made while disconnected.
 */
export function startAttentionSync(
  queryClient: QueryClient,
  watch: (handlers: TableHandlers) => () => void,
): () => void {
  return watch({
    onChange: (change) => {
      const claimChange = change as unknown as Parameters<typeof mergeClaimChange>[1];
      const refetch = mergeClaimChange(queryClient, claimChange);
      if (refetch) void queryClient.invalidateQueries({ queryKey: attentionKeys.claims() });
      const sessionId = (change.row as Partial<ClaimRow>).session_id ?? change.old.session_id;
      if (typeof sessionId === 'string')
        void queryClient.invalidateQueries({ queryKey: attentionKeys.events(sessionId) });
      void queryClient.invalidateQueries({ queryKey: attentionKeys.queues });
    },
    onStatus: (status) => {
      if (status === 'SUBSCRIBED')
        void queryClient.invalidateQueries({ queryKey: attentionKeys.all });
    },
  });
}
