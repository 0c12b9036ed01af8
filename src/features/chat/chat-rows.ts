import type { ChatMessage } from '@/lib/backend-types';
import { formatDateTime, localDay, yearOfLocalDay } from '@/lib/format';

/** How a message is drawn: candidate on the left, agent on the right, the rest in the middle. */
export type BubbleKind = 'candidate' | 'agent' | 'system' | 'unsupported';

/** A message as the chat draws it, worked out once per message (rows are rebuilt often). */
export interface MessageRow {
  kind: 'message';
  key: string;
  message: ChatMessage;
  bubble: BubbleKind;
  text: string;
  /** First of consecutive messages from one sender on one day: it carries the sender mark. */
  groupStart: boolean;
  /** Clock time ("14:05") and the full date and time for its tooltip; null when undated. */
  time: { iso: string; clock: string; full: string } | null;
}

/**
 * A day separator. It carries the day's date, not its label: "Today" becomes "Yesterday" at
 * midnight without the rows being built again (the separator reads today as it is drawn).
 */
export interface DayRow {
  kind: 'day';
  key: string;
  /** A time on that day (local calendar); null for messages without a date. */
  date: Date | null;
}

export type ChatRow = DayRow | MessageRow;

export function bubbleKindOf(message: ChatMessage): BubbleKind {
  if (!message.supported) return 'unsupported';
  if (message.sender === 'user') return 'candidate';
  // An agent turn without text is the agent calling a tool: bookkeeping, not conversation.
  if (message.sender === 'agent' && message.text !== '') return 'agent';
  return 'system';
}

/** The names of the tools an agent turn called (LangChain/OpenAI `tool_calls`), if any. */
function toolCallNames(raw: unknown): string[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const calls = (raw as { tool_calls?: unknown }).tool_calls;
  if (!Array.isArray(calls)) return [];
  return calls.flatMap((call: unknown) => {
    const name = (call as { name?: unknown; function?: { name?: unknown } } | null)?.name;
    return typeof name === 'string' && name ? [name] : [];
  });
}

/** The text a message shows (and search looks in). */
export function messageText(message: ChatMessage): string {
  if (message.text !== '') return message.text;
  const tools = toolCallNames(message.raw);
  if (tools.length) return `Called ${tools.join(', ')}`;
  return message.supported ? '(no text)' : '';
}

const weekdayDate = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});
const weekdayDateYear = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/**
 * "Today", "Yesterday", "Tue 24 Nov" (with the year when it is not this year), by the calendar in
 * the viewer's zone; `today` is a `localDay` count (useToday).
 */
export function dayLabel(date: Date, today: number): string {
  const daysAgo = today - localDay(date);
  if (daysAgo === 0) return 'Today';
  if (daysAgo === 1) return 'Yesterday';
  const thisYear = date.getFullYear() === yearOfLocalDay(today);
  return (thisYear ? weekdayDate : weekdayDateYear).format(date);
}

const clockTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

interface MessageFacts {
  row: MessageRow;
  date: Date | null;
  day: string;
}

// Rows are rebuilt whenever a page or a message arrives; parsing dates and formatting times for
// every message each time costs tens of ms at 10,000 messages. Messages are immutable (the query
// cache keeps unchanged ones by reference), so what is derived from one is kept with it.
const factsCache = new WeakMap<ChatMessage, MessageFacts>();

function factsOf(message: ChatMessage): MessageFacts {
  let facts = factsCache.get(message);
  if (facts) return facts;
  const date = message.timestamp ? new Date(message.timestamp) : null;
  const valid = date && !Number.isNaN(date.getTime()) ? date : null;
  facts = {
    date: valid,
    day: valid ? String(localDay(valid)) : 'unknown',
    row: {
      kind: 'message',
      key: `message-${message.id}`,
      message,
      bubble: bubbleKindOf(message),
      text: messageText(message),
      groupStart: true,
      time: valid
        ? { iso: valid.toISOString(), clock: clockTime.format(valid), full: formatDateTime(valid) }
        : null,
    },
  };
  factsCache.set(message, facts);
  return facts;
}

/**
 * Messages (oldest first) → the rows of the chat: a day separator before each day's first
 * message, and consecutive messages from one sender grouped. System and tool messages are left
 * out unless `showSystem`. A message's row object is reused from one build to the next while
 * its grouping holds, so its drawn bubble (memoised) is not drawn again.
 */
export function buildChatRows(
  messages: readonly ChatMessage[],
  { showSystem }: { showSystem: boolean },
): ChatRow[] {
  const rows: ChatRow[] = [];
  const seenDays = new Map<string, number>();
  let currentDay: string | null = null;
  let previousBubble: BubbleKind | null = null;
  for (const message of messages) {
    const facts = factsOf(message);
    const { bubble } = facts.row;
    if (bubble === 'system' && !showSystem) continue;
    if (facts.day !== currentDay) {
      // Keyed by the day (not its first message), so the separator keeps its key when older
      // messages of that day are loaded above it: the list stays anchored on it.
      const repeat = seenDays.get(facts.day) ?? 0;
      seenDays.set(facts.day, repeat + 1);
      rows.push({
        kind: 'day',
        key: repeat ? `day-${facts.day}-${repeat}` : `day-${facts.day}`,
        date: facts.date,
      });
      currentDay = facts.day;
      previousBubble = null;
    }
    const groupStart = bubble !== previousBubble;
    if (facts.row.groupStart !== groupStart) facts.row = { ...facts.row, groupStart };
    rows.push(facts.row);
    previousBubble = bubble;
  }
  return rows;
}

export function countSystemMessages(messages: readonly ChatMessage[]): number {
  return messages.reduce(
    (count, message) => count + (bubbleKindOf(message) === 'system' ? 1 : 0),
    0,
  );
}
