import type { ChatMessage } from '@/lib/backend-types';

/** How a message is drawn: candidate on the left, agent on the right, the rest in the middle. */
export type BubbleKind = 'candidate' | 'agent' | 'system' | 'unsupported';

export type ChatRow =
  | { kind: 'day'; key: string; label: string }
  | {
      kind: 'message';
      key: string;
      message: ChatMessage;
      bubble: BubbleKind;
      text: string;
      /** First of consecutive messages from one sender on one day: it carries the sender mark. */
      groupStart: boolean;
    };

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

const dayKey = (date: Date) => `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;

/** "Today", "Yesterday", "Tue 24 Nov" (with the year when it is not this year), local time. */
export function dayLabel(date: Date, now: Date = new Date()): string {
  if (dayKey(date) === dayKey(now)) return 'Today';
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (dayKey(date) === dayKey(yesterday)) return 'Yesterday';
  return (date.getFullYear() === now.getFullYear() ? weekdayDate : weekdayDateYear).format(date);
}

function validDate(timestamp: string): Date | null {
  const date = new Date(timestamp);
  return timestamp && !Number.isNaN(date.getTime()) ? date : null;
}

/**
 * Messages (oldest first) → the rows of the chat: a day separator before each day's first
 * message, and consecutive messages from one sender grouped. System and tool messages are left
 * out unless `showSystem`.
 */
export function buildChatRows(
  messages: readonly ChatMessage[],
  { showSystem, now = new Date() }: { showSystem: boolean; now?: Date },
): ChatRow[] {
  const rows: ChatRow[] = [];
  let currentDay: string | null = null;
  let previousBubble: BubbleKind | null = null;
  for (const message of messages) {
    const bubble = bubbleKindOf(message);
    if (bubble === 'system' && !showSystem) continue;
    const date = validDate(message.timestamp);
    const day = date ? dayKey(date) : 'unknown';
    if (day !== currentDay) {
      rows.push({
        kind: 'day',
        key: `day-${day}-${message.id}`,
        label: date ? dayLabel(date, now) : 'Date unknown',
      });
      currentDay = day;
      previousBubble = null;
    }
    rows.push({
      kind: 'message',
      key: `message-${message.id}`,
      message,
      bubble,
      text: messageText(message),
      groupStart: bubble !== previousBubble,
    });
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
