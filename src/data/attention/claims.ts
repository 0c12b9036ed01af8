import type { QueryClient } from '@tanstack/react-query';
import { CLAIM_COLUMNS, type ClaimRow, fromClaim, toClaim } from '@/lib/app-attention-queries';
import type { AttentionClaim, AttentionEntry, AttentionHidden } from '@/lib/attention-types';
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
/** The sessions the claims keep out of the queue, as the backend's attention_queue takes them. */
export function hiddenSessions(claims: readonly AttentionClaim[], now: number): AttentionHidden[] {
  return claims
    .filter((c) => c.resolvedAt || (c.snoozedUntil && Date.parse(c.snoozedUntil) > now))
    .map((c) => ({
      sessionId: c.sessionId,
      resolvedAt: c.resolvedAt,
      snoozedUntil: c.snoozedUntil,
    }));
}

/**
 * Whether a claim hides an entry now: resolved after its newest reason opened, or snoozed. The
 * backend applies the same rule; the browser applies it too so that a resolve made here or by a
 * colleague takes the entry away at once, before the queue is read again.
 */
export function claimHides(claim: AttentionClaim | undefined, entry: AttentionEntry, now: number) {
  if (!claim) return false;
  if (claim.snoozedUntil && Date.parse(claim.snoozedUntil) > now) return true;
  return Boolean(
    claim.resolvedAt && entry.latest && Date.parse(entry.latest) <= Date.parse(claim.resolvedAt),
  );
}
