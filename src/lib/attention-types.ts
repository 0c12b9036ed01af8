// The attention queue (issue 18): why a session needs a person (computed in the backend) and who
// has it (claims in the app project).

/** Entries per page of the queue; the backend returns at most ATTENTION_MAX_LIMIT at once. */
export const ATTENTION_PAGE_SIZE = 50;
export const ATTENTION_MAX_LIMIT = 500;

export const ATTENTION_REASONS = [
  'awaiting_reply',
  'escalated',
  'human_takeover',
  'paused',
  'unknown_status',
  'call_failed',
  'call_unsuccessful',
  'call_negative',
  'opted_out_after_interest',
  'silent_midway',
] as const;

export interface AttentionReason {
  /** One of ATTENTION_REASONS; any other code a newer backend sends is shown as it is. */
  reason: string;
  /** When the reason opened (a waiting reason: when its threshold was crossed). */
  openedAt: string | null;
  /** What started it: the candidate's unanswered message, the status change, the call. */
  since: string | null;
  /** Minutes (awaiting reply) or hours (silent midway) the campaign's rule waits. */
  threshold: number | null;
  callId: string | null;
  achieved: number | null;
  objectives: number | null;
}

export interface AttentionEntry {
  sessionId: string;
  phoneNumber: string | null;
  campaign: string | null;
  status: string | null;
  /** The newest reason's opening: the queue's order. */
  latest: string | null;
  reasons: AttentionReason[];
}

export interface AttentionQueue {
  entries: AttentionEntry[];
  /** Entries matching the filters (all of them, not only the page). */
  total: number;
  /** Open reasons per code, before the reason filter. */
  counts: Record<string, number>;
  /** When a waiting or silence threshold is next crossed: the queue must be read again then. */
  nextChangeAt: string | null;
}

/** A campaign's thresholds and switched-off reasons; a campaign without one keeps DEFAULT_RULE. */
export interface AttentionRule {
  campaign: string;
  replyWaitMinutes: number;
  silentHours: number;
  /** Reasons that open no entry in this campaign. */
  off: string[];
  updatedAt: string | null;
  updatedByEmail: string | null;
}

export type AttentionRuleInput = Pick<
  AttentionRule,
  'campaign' | 'replyWaitMinutes' | 'silentHours' | 'off'
>;

export const DEFAULT_RULE = { replyWaitMinutes: 10, silentHours: 24, off: [] as string[] };

/** The bounds the app project's attention_rules table holds a rule to. */
export const RULE_LIMITS = {
  replyWaitMinutes: { min: 1, max: 7 * 24 * 60 },
  silentHours: { min: 1, max: 30 * 24 },
} as const;

export interface AttentionFilters {
  campaign?: string | null;
  reasons?: string[] | null;
}

/** A session hidden from the queue: reasons opened until resolvedAt are done with. */
export interface AttentionHidden {
  sessionId: string;
  resolvedAt: string | null;
  snoozedUntil: string | null;
}

export interface AttentionClaim {
  sessionId: string;
  ownerId: string | null;
  ownerEmail: string | null;
  resolvedAt: string | null;
  resolveNote: string | null;
  snoozedUntil: string | null;
  updatedAt: string;
  updatedBy: string | null;
  updatedByEmail: string | null;
}

export type AttentionAction =
  'assigned' | 'unassigned' | 'resolved' | 'reopened' | 'snoozed' | 'unsnoozed';

export interface AttentionEvent {
  id: number;
  sessionId: string;
  action: AttentionAction;
  actorEmail: string | null;
  ownerEmail: string | null;
  note: string | null;
  snoozedUntil: string | null;
  at: string;
}

/** What a staff member does to an entry. */
export type ClaimChange =
  | { kind: 'assign'; ownerId: string }
  | { kind: 'unassign' }
  | { kind: 'resolve'; note?: string }
  | { kind: 'snooze'; until: string }
  | { kind: 'unsnooze' };

/**
 * A change is made only if the entry's owner is still the one the user saw; otherwise nothing is
 * written and the claim as it now is comes back, to say who has it.
 */
export type ClaimResult =
  { ok: true; claim: AttentionClaim } | { ok: false; claim: AttentionClaim | null };

export interface StaffMember {
  userId: string;
  email: string;
  role: string;
}
