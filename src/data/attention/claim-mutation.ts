import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fromClaim } from '@/lib/app-attention-queries';
import { changeAttentionClaim } from '@/lib/app-api';
import type { ClaimChange, ClaimResult } from '@/lib/attention-types';
import { invalidateEvents, mergeClaimChange } from './claims';
import { attentionKeys } from './keys';

export interface ClaimInput {
  sessionId: string;
  /** The owner the user saw: the change is made only if that is still who has it. */
  seenOwnerId: string | null;
  change: ClaimChange;
}

/**
 * Assign, resolve or snooze an entry. Whatever the answer (made, or someone else had it first),
 * the claim the server now holds goes into the cache, so the entry shows the real owner.
 */
export function useChangeClaim() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sessionId, seenOwnerId, change }: ClaimInput): Promise<ClaimResult> =>
      changeAttentionClaim(sessionId, seenOwnerId, change),
    onSuccess: (result, { sessionId }) => {
      if (result.claim)
        mergeClaimChange(queryClient, {
          eventType: 'INSERT',
          row: fromClaim(result.claim),
          old: {},
        });
      void invalidateEvents(queryClient, sessionId);
      if (result.ok) void queryClient.invalidateQueries({ queryKey: attentionKeys.queues });
    },
  });
}
