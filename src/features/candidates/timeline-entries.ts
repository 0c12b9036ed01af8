import type { Note } from '@/lib/app-types';
import { describeAttentionEvent } from '@/lib/attention-reason-text';
import type { AttentionEvent } from '@/lib/attention-types';
import type { CallInfo, ChatMessage, ObjectiveEvent } from '@/lib/backend-types';
import { humanizeKey } from '@/lib/normalizers';

export type TimelineKind = 'message' | 'call' | 'objective' | 'note' | 'attention';

/** Where an entry opens: the message in the chat, the call's transcript, … */
export type TimelineTarget =
  | { tab: 'chat'; message: number }
  | { tab: 'calls'; call: string }
  | { tab: 'info' }
  | { tab: 'notes' };

export interface TimelineEntry {
  key: string;
  kind: TimelineKind;
  /** ISO time; null when the data does not say (such entries come last). */
  at: string | null;
  title: string;
  detail: string | null;
  target: TimelineTarget;
}

export interface TimelineSources {
  messages: readonly ChatMessage[];
  calls: readonly CallInfo[];
  objectives: readonly ObjectiveEvent[];
  notes: readonly Note[];
  /** What staff did in the attention queue (assigned, resolved, snoozed…). */
  attention: readonly AttentionEvent[];
}

const MESSAGE_TITLES: Record<ChatMessage['sender'], string> = {
  user: 'Candidate wrote',
  agent: 'AI agent wrote',
  system: 'System message',
  tool: 'Tool result',
  unknown: 'Unsupported message',
};

function messageEntry(message: ChatMessage): TimelineEntry {
  const toolCall = message.sender === 'agent' && message.text === '';
  return {
    key: `message-${message.id}`,
    kind: 'message',
    at: message.timestamp || null,
    title: toolCall ? 'AI agent used a tool' : MESSAGE_TITLES[message.sender],
    detail: message.text || null,
    target: { tab: 'chat', message: message.id },
  };
}

function callEntry(call: CallInfo): TimelineEntry {
  const parts = [call.duration === null ? null : call.durationLabel, call.analysis.summary];
  return {
    key: `call-${call.call_id}`,
    kind: 'call',
    at: call.called_at,
    title: `Call: ${call.status ? humanizeKey(call.status) : 'outcome unknown'}`,
    detail: parts.filter(Boolean).join(' · ') || null,
    target: { tab: 'calls', call: call.call_id },
  };
}

function objectiveEntry(objective: ObjectiveEvent): TimelineEntry {
  const parts = [objective.value, objective.source && `via ${objective.source}`];
  return {
    key: `objective-${objective.sessionId}-${objective.key}`,
    kind: 'objective',
    at: objective.at,
    title: `Objective achieved: ${objective.label}`,
    detail: parts.filter(Boolean).join(' · ') || null,
    target: { tab: 'info' },
  };
}

function noteEntry(note: Note): TimelineEntry {
  return {
    key: `note-${note.id}`,
    kind: 'note',
    at: note.createdAt,
    title: `Note by ${note.authorEmail ?? 'unknown author'}`,
    detail: note.body,
    target: { tab: 'notes' },
  };
}

function attentionEntry(event: AttentionEvent): TimelineEntry {
  return {
    key: `attention-${event.id}`,
    kind: 'attention',
    at: event.at,
    title: `Attention: ${describeAttentionEvent(event)}`,
    detail: event.note,
    // The dialog's header shows who has the entry now.
    target: { tab: 'info' },
  };
}

/** When an entry happened (ms), -Infinity when undated: undated entries sort last. */
export const timeOf = (entry: TimelineEntry) => {
  const time = entry.at ? Date.parse(entry.at) : NaN;
  return Number.isNaN(time) ? -Infinity : time;
};

/** Everything that happened with a candidate in one list, newest first; undated entries last. */
export function buildTimeline(sources: TimelineSources): TimelineEntry[] {
  return [
    ...sources.messages.map(messageEntry),
    ...sources.calls.map(callEntry),
    ...sources.objectives.map(objectiveEntry),
    ...sources.notes.map(noteEntry),
    ...sources.attention.map(attentionEntry),
  ].sort((a, b) => timeOf(b) - timeOf(a));
}

export interface TimelineView {
  /** Entries per kind; messages as the backend counts them (only the newest pages are loaded). */
  counts: Map<TimelineKind, number>;
  /** What to list: the kinds not hidden, none older than the oldest loaded message. */
  shown: TimelineEntry[];
  /** Everything is known: no older messages wait to be loaded, or messages are hidden. */
  complete: boolean;
  /** `limit` entries were asked for and the loaded messages do not make them: load older ones. */
  wantOlder: boolean;
}

/** What the timeline lists, given what is loaded, the kinds hidden and how many were asked for. */
export function timelineView({
  entries,
  hidden,
  messageCount,
  olderHasMore,
  limit,
}: {
  entries: TimelineEntry[];
  hidden: ReadonlySet<TimelineKind>;
  messageCount: number;
  olderHasMore: boolean;
  limit: number;
}): TimelineView {
  const counts = new Map<TimelineKind, number>();
  for (const entry of entries) counts.set(entry.kind, (counts.get(entry.kind) ?? 0) + 1);
  counts.set('message', messageCount);
  // While older messages are not loaded, what happened before the oldest loaded one waits: it
  // would otherwise show up between messages that are not there yet. (With messages hidden,
  // nothing needs them.)
  const complete = !olderHasMore || hidden.has('message');
  const oldest = complete
    ? undefined
    : entries.findLast((entry) => entry.kind === 'message' && entry.at !== null);
  const since = oldest ? timeOf(oldest) : -Infinity;
  const shown = entries.filter((entry) => !hidden.has(entry.kind) && timeOf(entry) >= since);
  return { counts, shown, complete, wantOlder: !complete && shown.length <= limit };
}
