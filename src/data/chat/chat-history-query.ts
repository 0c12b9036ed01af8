import { queryOptions, useQuery } from '@tanstack/react-query';
import { getChatHistoryBySession } from '@/lib/backend-api';
import { chatKeys } from './keys';

/** One session's whole conversation, oldest first (paged past PostgREST's row cap). */
export const chatHistoryQuery = (sessionId: string) =>
  queryOptions({
    queryKey: chatKeys.session(sessionId),
    queryFn: ({ signal }) => getChatHistoryBySession(sessionId, { signal }),
  });

export const useChatHistory = (sessionId: string) => useQuery(chatHistoryQuery(sessionId));
