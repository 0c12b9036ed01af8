import { describeReason } from '@/lib/attention-reason-text';
import type { AttentionClaim, AttentionEntry } from '@/lib/attention-types';
import { formatPhone } from '@/lib/normalizers';

// What the attention notifications (issue 18) say and when: pure, so that the rules (which
// entries are new, how a burst is grouped) are tested without a browser.

/** What the user asked to hear about; kept in the browser (localStorage). */
export interface NotifyPrefs {
  /** Browser notifications wanted (the permission is the browser's own). */
  enabled: boolean;
  /** The user's campaigns; empty means every campaign. Entries assigned to them always count. */
  campaigns: string[];
}

export const DEFAULT_PREFS: NotifyPrefs = { enabled: false, campaigns: [] };

/** An entry as the notifications know it: the queue's, with the name the app knows. */
export type NotifyEntry = AttentionEntry & { candidateName?: string | null };

/** A notification that fired (or would have, with notifications off): the centre lists them. */
export interface Fired {
  id: string;
  at: number;
  title: string;
  body: string;
  /** The candidate to open, when the notification is about one. */
  phone: string | null;
}

/** One entry's reason opening is a new thing to say once: its session and its newest reason. */
export const entryKey = (entry: Pick<AttentionEntry, 'sessionId' | 'latest'>) =>
  `${entry.sessionId}@${entry.latest ?? ''}`;

/**
 * The entries worth telling the user about: opened after `since` (the moment the user started
 * listening: nothing older is news), not told before, and in the user's campaigns or assigned
 * to them.
 */
export function newEntries(
  entries: readonly NotifyEntry[],
  claims: ReadonlyMap<string, AttentionClaim>,
  {
    since,
    told,
    me,
    prefs,
  }: { since: number; told: ReadonlySet<string>; me: string | undefined; prefs: NotifyPrefs },
): NotifyEntry[] {
  return entries.filter((entry) => {
    const opened = entry.latest ? Date.parse(entry.latest) : Number.NaN;
    if (!(opened > since) || told.has(entryKey(entry))) return false;
    const mine = me !== undefined && claims.get(entry.sessionId)?.ownerId === me;
    return (
      mine ||
      prefs.campaigns.length === 0 ||
      (entry.campaign !== null && prefs.campaigns.includes(entry.campaign))
    );
  });
}

/**
 * Claims a colleague has just given the user (assigned to me by someone else after `since`),
 * each told once (by claim and time).
 */
export function newAssignments(
  claims: Iterable<AttentionClaim>,
  { since, told, me }: { since: number; told: ReadonlySet<string>; me: string | undefined },
): AttentionClaim[] {
  if (!me) return [];
  return [...claims].filter(
    (c) =>
      c.ownerId === me &&
      c.updatedBy !== me &&
      Date.parse(c.updatedAt) > since &&
      !told.has(`${c.sessionId}#${c.updatedAt}`),
  );
}

const who = (entry: NotifyEntry) =>
  entry.candidateName ?? (entry.phoneNumber ? formatPhone(entry.phoneNumber) : 'A candidate');

/**
 * What one notification says for a burst: a single entry by name and reason; several as one
 * ("4 conversations need a person"), so that a burst never becomes a storm.
 */
export function describeBurst(
  entries: readonly NotifyEntry[],
  assigned: readonly AttentionClaim[],
  now: number,
): Omit<Fired, 'id' | 'at'> | null {
  const total = entries.length + assigned.length;
  if (total === 0) return null;
  if (total === 1 && entries[0]) {
    const entry = entries[0];
    const reason = entry.reasons[0];
    return {
      title: `${who(entry)} needs a person`,
      body: reason ? describeReason(reason, entry.status, now) : 'A new reason opened.',
      phone: entry.phoneNumber,
    };
  }
  if (total === 1 && assigned[0]) {
    return {
      title: 'An entry was assigned to you',
      body: `${assigned[0].updatedByEmail ?? 'A colleague'} gave it to you.`,
      phone: null,
    };
  }
  const names = entries.slice(0, 3).map(who);
  const more = entries.length - names.length;
  const parts = [
    ...(entries.length ? [`${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`] : []),
    ...(assigned.length ? [`${assigned.length} assigned to you`] : []),
  ];
  return {
    title: `${total} conversations need a person`,
    body: parts.join('; '),
    phone: null,
  };
}
