import type { ChatCursor, ChatMessage, ChatPage, RequestOptions } from '../backend-types';
import type { DbClient } from '../lean-client';
import { fetchAllPages } from '../paging';
import { phoneLookup, sessionIdsForPhone } from './lookups';
import { fail } from '../api-error';
import { type MessageRow, toMessage } from './mappers';

/**
 * Messages per page. The newest page is what the chat paints first (DESIGN §7: first paint
 * ≤ 150 ms after the data), so it is small; older pages load as the reader scrolls up.
 */
export const CHAT_PAGE_SIZE = 200;

/** chat_page serves at most 1,000 rows, and getChatPage asks for one more than its page. */
const CHAT_PAGE_MAX = 999;

/** Conversations: whole (the guide's getChatHistory*) or a page at a time (the dashboard's). */
export function createChatQueries(client: DbClient) {
  async function messagesOf(sessionIds: string[], signal?: AbortSignal): Promise<ChatMessage[]> {
    if (!sessionIds.length) return [];
    const rows = await fetchAllPages<MessageRow>((from, to) => {
      let query = client
        .from('chat_history')
        .select('id, session_id, message, created_at')
        .in('session_id', sessionIds)
        .order('created_at', { ascending: true })
        .order('id', { ascending: true })
        .range(from, to);
      if (signal) query = query.abortSignal(signal);
      return query;
    }, fail('chat_history table'));
    return rows.map(toMessage);
  }

  return {
    /** Every message of every session behind this phone, oldest first. */
    async getChatHistoryByPhone(
      phone: string,
      { signal }: RequestOptions = {},
    ): Promise<ChatMessage[]> {
      return messagesOf(await sessionIdsForPhone(client, phone, signal), signal);
    },

    getChatHistoryBySession(
      sessionId: string,
      { signal }: RequestOptions = {},
    ): Promise<ChatMessage[]> {
      return messagesOf([sessionId], signal);
    },

    /**
     * A page of the phone's conversation (every session behind it): the newest `limit` messages,
     * or those just older than `before` (the previous page's cursor), oldest first.
     */
    async getChatPage(
      phone: string,
      {
        before = null,
        limit = CHAT_PAGE_SIZE,
      }: { before?: ChatCursor | null; limit?: number } = {},
      { signal }: RequestOptions = {},
    ): Promise<ChatPage> {
      const { variants } = phoneLookup(phone);
      const size = Math.min(
        Math.max(Math.floor(Number.isFinite(limit) ? limit : CHAT_PAGE_SIZE), 1),
        CHAT_PAGE_MAX,
      );
      let query = client.rpc('chat_page', {
        p_phones: variants,
        p_before_at: before?.at ?? undefined,
        p_before_id: before?.id,
        // one row more than the page: whether older messages exist, without counting them
        p_limit: size + 1,
      });
      if (signal) query = query.abortSignal(signal);
      const { data, error, status } = await query;
      if (error) throw fail('chat page function (chat_page)')(error, status);
      // chat_history rows, newest first (a function's generated result type cannot say that
      // created_at may be null)
      const rows = (data as MessageRow[]).slice(0, size);
      const oldest = rows.at(-1);
      return {
        messages: rows.map(toMessage).reverse(),
        hasOlder: data.length > size,
        cursor: oldest ? { at: oldest.created_at ?? null, id: oldest.id } : null,
      };
    },
  };
}
