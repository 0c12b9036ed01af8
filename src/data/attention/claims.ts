import type { QueryClient } from '@tanstack/react-query';
import { CLAIM_COLUMNS, type ClaimRow, fromClaim, toClaim } from '@/lib/app-attention-queries';
import type { AttentionClaim } from '@/lib/attention-types';
import { type RowChange, type RowShape, mergeIntoList } from '../realtime/merge-rule';
import { attentionKeys } from './keys';

/** The claims cache: newest change first, keyed by session. */
const CLAIM_SHAPE: RowShape<ClaimRow, AttentionClaim> = {
  key: 'session_id',
  columns: CLAIM_COLUMNS,
  keyOf: (claim) => claim.sessionId,
  toRow: fromClaim,
  fromRow: toClaim,
  compare: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
};

/**
 * A claim change (from realtime or the user's own write) merged into the cached claims by the
 * merge rule. Returns whether the cache must be read again instead.
 */
export function mergeClaimChange(queryClient: QueryClient, change: RowChange<ClaimRow>): boolean {
  let refetch = false;
  queryClient.setQueryData<AttentionClaim[]>(attentionKeys.claims(), (claims) => {
    if (!claims) return claims;
    const merged = mergeIntoList(claims, change, CLAIM_SHAPE, () => true);
    refetch = merged.refetch;
    return merged.items as AttentionClaim[];
  });
  return refetch;
}
/** Reads again every audit trail that includes this session (an entry's, a candidate's). */
export function invalidateEvents(queryClient: QueryClient, sessionId: string) {
  return queryClient.invalidateQueries({
    queryKey: attentionKeys.allEvents,
    predicate: (query) => (query.queryKey[2] as readonly string[]).includes(sessionId),
  });
}
