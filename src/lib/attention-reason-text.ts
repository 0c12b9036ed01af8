import type { AttentionEvent, AttentionReason } from './attention-types';
import { formatDateTime } from './format';
import { humanizeKey } from './normalizers';

/** Short names for the reason filter and counts. */
const REASON_LABELS: Record<string, string> = {
  awaiting_reply: 'Awaiting reply',
  escalated: 'Escalated',
  human_takeover: 'Human takeover',
  paused: 'Paused',
  unknown_status: 'Unknown status',
  call_failed: 'Call failed',
  call_unsuccessful: 'Call unsuccessful',
  call_negative: 'Negative call',
  opted_out_after_interest: 'Opted out after interest',
  silent_midway: 'Silent midway',
};

export const reasonLabel = (code: string) => REASON_LABELS[code] ?? humanizeKey(code);

/** "14 min", "3 h 5 min", "2 days": how long something has lasted. */
export function formatSpan(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

const hoursLabel = (hours: number) => (hours === 1 ? '1 hour' : `${hours} hours`);

/** Why an entry needs a person, in words (`status` is the session's, for unknown ones). */
export function describeReason(
  reason: AttentionReason,
  status: string | null,
  now: number,
): string {
  const since = reason.since ? Date.parse(reason.since) : NaN;
  const lasted = Number.isNaN(since) ? null : formatSpan(now - since);
  switch (reason.reason) {
    case 'awaiting_reply':
      return (
        `The candidate wrote and the agent has not answered${lasted ? ` for ${lasted}` : ''}` +
        (reason.threshold !== null ? ` (the campaign allows ${reason.threshold} min)` : '')
      );
    case 'escalated':
      return 'The agent escalated this conversation to a person';
    case 'human_takeover':
      return 'The conversation is in human takeover';
    case 'paused':
      return 'The agent paused this conversation';
    case 'unknown_status':
      return `The session's status "${status ?? ''}" is not one the dashboard knows`;
    case 'call_failed':
      return 'The latest call failed';
    case 'call_unsuccessful':
      return "The latest call's analysis says it was unsuccessful";
    case 'call_negative':
      return "The latest call's analysis found a negative sentiment";
    case 'opted_out_after_interest':
      return `The candidate opted out after reaching ${reason.achieved ?? 'some'} ${reason.achieved === 1 ? 'objective' : 'objectives'}`;
    case 'silent_midway':
      return (
        `No activity${lasted ? ` for ${lasted}` : ''} midway through the objectives` +
        (reason.achieved !== null && reason.objectives !== null
          ? ` (${reason.achieved} of ${reason.objectives} reached)`
          : '') +
        (reason.threshold !== null ? `; the campaign allows ${hoursLabel(reason.threshold)}` : '')
      );
    default:
      return reasonLabel(reason.reason);
  }
}

const ACTION_WORDS: Record<string, string> = {
  assigned: 'assigned it to',
  unassigned: 'unassigned it',
  resolved: 'resolved it',
  reopened: 'reopened it',
  snoozed: 'snoozed it until',
  unsnoozed: 'ended the snooze',
};

/** One audit row in words: "ann@… assigned it to tom@…"; an unknown action shown as it is. */
export function describeAttentionEvent(event: AttentionEvent): string {
  const parts = [event.actorEmail ?? 'Someone', ACTION_WORDS[event.action] ?? event.action];
  if (event.action === 'assigned') parts.push(event.ownerEmail ?? 'someone');
  if (event.action === 'snoozed' && event.snoozedUntil)
    parts.push(formatDateTime(new Date(event.snoozedUntil)));
  return parts.join(' ');
}
