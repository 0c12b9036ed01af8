import type { InfiniteData } from '@tanstack/react-query';
import type { ChatCursor, ChatMessage, ChatPage } from '@/lib/backend-types';

/**
 * Messages per page. The newest page is what the chat paints first (DESIGN §7: first paint
 * ≤ 150 ms after the data), so it is small; older pages load as the reader scrolls up.
 */
export const CHAT_PAGE_SIZE = 200;

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

/** Adds a message to a conversation once, in time order (a refetch may already have brought it). */
export function insertMessage(messages: ChatMessage[], message: ChatMessage): ChatMessage[] {
  if (messages.some((m) => m.id === message.id)) return messages;
  const at = messages.findLastIndex(
    (m) =>
      m.timestamp < message.timestamp || (m.timestamp === message.timestamp && m.id < message.id),
  );
  return [...messages.slice(0, at + 1), message, ...messages.slice(at + 1)];
}

/** A new message goes into the newest page: realtime brings messages as they are written. */
export function addToNewestPage(
  data: ChatPages | undefined,
  message: ChatMessage,
): ChatPages | undefined {
  const [newest, ...older] = data?.pages ?? [];
  if (!data || !newest) return data;
  const messages = insertMessage(newest.messages, message);
  if (messages === newest.messages) return data;
  return { ...data, pages: [{ ...newest, messages }, ...older] };
}
