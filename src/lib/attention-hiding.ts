import type { AttentionClaim, AttentionEntry, AttentionHidden } from './attention-types';

// What a claim (resolved, snoozed) does to the attention queue: one rule, applied by the backend
// (from what hiddenSessions hands it) and by the browser (claimHides) for instant feedback.

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
