import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { getChatPage } from '@/lib/backend-api';
import type { ChatCursor, ChatMessage, ChatPage } from '@/lib/backend-types';
import { CHAT_PAGE_SIZE } from '@/lib/backend/chat';
import { type OlderMessages, loadedMessages } from './chat-pages';
import { useRealtimeLive } from '../realtime/connection-store';
import { LIVE_REFRESH_MS } from '../refresh';
import { chatKeys } from './keys';

/** A candidate's conversation, newest page first; each next page is older (keyset cursor). */
const chatPagesQuery = (phone: string) =>
  infiniteQueryOptions({
    queryKey: chatKeys.conversation(phone),
    queryFn: ({ pageParam, signal }) =>
      getChatPage(phone, { before: pageParam, limit: CHAT_PAGE_SIZE }, { signal }),
    initialPageParam: null as ChatCursor | null,
    getNextPageParam: (page: ChatPage) => (page.hasOlder ? page.cursor : undefined),
  });

export interface Conversation {
  /** The loaded messages, oldest first; undefined until the newest page arrives. */
  messages: ChatMessage[] | undefined;
  isPending: boolean;
  error: unknown;
  retry: () => void;
  older: OlderMessages;
}

/**
 * A candidate's conversation for the chat and the timeline: the newest page, then older pages on
 * demand. Polled only while realtime is not live (new messages are patched in by realtime).
 */
export function useConversation(phone: string): Conversation {
  const live = useRealtimeLive();
  const query = useInfiniteQuery({
    ...chatPagesQuery(phone),
    refetchInterval: live ? false : LIVE_REFRESH_MS,
  });
  const { data, fetchNextPage, refetch, hasNextPage, isFetchingNextPage } = query;
  const olderError = query.isFetchNextPageError ? query.error : null;
  const messages = useMemo(() => loadedMessages(data), [data]);
  const retry = useCallback(() => void refetch(), [refetch]);
  const older = useMemo(
    () => ({
      hasMore: hasNextPage,
      loading: isFetchingNextPage,
      error: olderError,
      load: () => void fetchNextPage({ cancelRefetch: false }),
    }),
    [hasNextPage, isFetchingNextPage, olderError, fetchNextPage],
  );
  return {
    messages,
    isPending: query.isPending,
    error: olderError ? null : query.error,
    retry,
    older,
  };
}
