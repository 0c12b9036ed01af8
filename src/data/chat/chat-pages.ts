import type { InfiniteData } from '@tanstack/react-query';
import { type MessageRow, toMessage } from '@/lib/backend/mappers';
import type { ChatCursor, ChatMessage, ChatPage } from '@/lib/backend-types';
import type { Json } from '@/lib/database.types';
import { compareInstants } from '@/lib/instant-order';
import { type RowChange, changeKey, insertSorted, mergeRow, sameRow } from '../realtime/merge-rule';

/** Older messages of a conversation that are not loaded yet, and how to load them. */
export interface OlderMessages {
  hasMore: boolean;
  loading: boolean;
  /** Loading them failed (the loaded ones stay usable). */
  error: unknown;
  load: () => void;
}

/** A conversation in the query cache: pages newest first, each page's messages oldest first. */
export type ChatPages = InfiniteData<ChatPage, ChatCursor | null>;

/** The loaded part of a conversation, oldest first. */
export function loadedMessages(
  data: Pick<ChatPages, 'pages'> | undefined,
): ChatMessage[] | undefined {
  return data?.pages.toReversed().flatMap((page) => page.messages);
}

const MESSAGE_COLUMNS = ['id', 'session_id', 'message', 'created_at'] as const;

const messageRow = (message: ChatMessage): MessageRow => ({
  id: message.id,
  session_id: message.sessionId,
  message: message.raw as NonNullable<Json>,
  created_at: message.timestamp || null,
});

/**
 * The conversation's order (chat_page's, reversed): by time, then id; a message without a time
 * (timestamp '') after every dated one.
 */
export function compareMessages(
  a: Pick<ChatMessage, 'timestamp' | 'id'>,
  b: Pick<ChatMessage, 'timestamp' | 'id'>,
): number {
  if (!a.timestamp || !b.timestamp) {
    if (a.timestamp !== b.timestamp) return a.timestamp ? -1 : 1;
  } else {
    const byTime = compareInstants(a.timestamp, b.timestamp);
    if (byTime) return byTime;
  }
  return a.id - b.id;
}

const cursorAsMessage = (cursor: ChatCursor) => ({ timestamp: cursor.at ?? '', id: cursor.id });

/**
 * A realtime change to chat_history applied to a loaded conversation by the merge rule
 * (src/data/realtime/merge-rule.ts). Each page covers the messages from its cursor (its oldest
 * message when it was read) up to the next newer page's: a message goes into the page whose span
 * holds it, and none goes before the oldest loaded page (it loads with that page). Pages it does
 * not change stay the same objects. `belongsSession` says whether a session is this candidate's.
 */
export function mergeIntoPages(
  data: ChatPages,
  change: RowChange<MessageRow>,
  belongsSession: (sessionId: string) => boolean,
): { data: ChatPages; refetch: boolean } {
  const { pages } = data;
  const key = changeKey(change, 'id');
  const from = pages.findIndex((page) => page.messages.some((m) => m.id === key));
  const cachedMessage = from < 0 ? undefined : pages[from]!.messages.find((m) => m.id === key);
  const cached = cachedMessage && messageRow(cachedMessage);
  const lowerBound = (i: number) => {
    const page = pages[i]!;
    return page.hasOlder && page.cursor ? cursorAsMessage(page.cursor) : null;
  };
  const oldest = lowerBound(pages.length - 1);
  const { row, refetch } = mergeRow(cached, change, MESSAGE_COLUMNS, (r) => {
    if (!r.session_id || !belongsSession(r.session_id)) return false;
    return (
      !oldest || compareMessages({ timestamp: r.created_at ?? '', id: r.id ?? 0 }, oldest) >= 0
    );
  });
  if ((!cached && !row) || (row && cached && sameRow(row, cached))) return { data, refetch };

  let next = pages;
  if (from >= 0)
    next = next.with(from, {
      ...next[from]!,
      messages: next[from]!.messages.filter((m) => m.id !== key),
    });
  if (row) {
    const message = toMessage(row);
    const to = next.findIndex((_, i) => {
      const bound = lowerBound(i);
      return !bound || compareMessages(message, bound) >= 0;
    });
    next = next.with(to, {
      ...next[to]!,
      messages: insertSorted(next[to]!.messages, message, compareMessages),
    });
  }
  return { data: { ...data, pages: next }, refetch };
}
