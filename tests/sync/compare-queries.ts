import type { InfiniteData, Query, QueryClient, QueryKey } from '@tanstack/react-query';
import type { ChatCursor, ChatMessage, ChatPage } from '@/lib/backend-types';
import { type Difference, canonicalJson, canonicalTime, differences } from './canonical';

// (a) Data: every query the screens hold (it has observers) against a fresh load of the same
// query, by its own query function. The conversation is an infinite query whose pages may
// legitimately be cut elsewhere (realtime patches the newest page past a page's size), so it is
// compared as the flat list of messages over the range the screen holds.

export interface HeldQuery {
  key: QueryKey;
  hash: string;
  status: string;
  error: unknown;
  data: unknown;
  query: Query;
}

export function heldQueries(queryClient: QueryClient): HeldQuery[] {
  return queryClient
    .getQueryCache()
    .getAll()
    .filter((q) => q.getObserversCount() > 0)
    .map((q) => ({
      key: q.queryKey,
      hash: q.queryHash,
      status: q.state.status,
      error: q.state.error,
      // A copy: the live cache moves on, the checkpoint compares what it held.
      data: q.state.data === undefined ? undefined : structuredClone(q.state.data),
      query: q as Query,
    }));
}

type QueryFn = (context: unknown) => Promise<unknown>;
interface InfiniteOptions {
  queryFn: QueryFn;
  initialPageParam: unknown;
  getNextPageParam: (
    last: unknown,
    all: unknown[],
    lastParam: unknown,
    params: unknown[],
  ) => unknown;
}

const isInfinite = (query: Query) =>
  typeof (query.options as Partial<InfiniteOptions>).getNextPageParam === 'function';

function run(query: Query, client: QueryClient, pageParam?: unknown): Promise<unknown> {
  const queryFn = query.options.queryFn as QueryFn | undefined;
  if (typeof queryFn !== 'function') throw new Error(`harness: ${query.queryHash} has no queryFn`);
  return queryFn({
    client,
    queryKey: query.queryKey,
    signal: new AbortController().signal,
    meta: query.meta,
    pageParam,
    direction: 'forward',
  });
}

/** A fresh load of a plain query. */
export const loadFresh = (query: Query, client: QueryClient) => run(query, client);

/** Fresh pages of an infinite query from the first, until `enough` says so or none are left. */
export async function loadFreshPages(
  query: Query,
  client: QueryClient,
  enough: (pages: unknown[]) => boolean = () => false,
): Promise<{ pages: unknown[]; hasMore: boolean }> {
  const options = query.options as unknown as InfiniteOptions;
  const pages: unknown[] = [];
  const params: unknown[] = [];
  let param = options.initialPageParam;
  for (;;) {
    pages.push(await run(query, client, param));
    params.push(param);
    const next = options.getNextPageParam(pages.at(-1), pages, param, params);
    if (next === undefined || next === null) return { pages, hasMore: false };
    if (enough(pages)) return { pages, hasMore: true };
    param = next;
  }
}

/** Orders messages as chat_page does: by time, then id; a message without a time is the newest. */
export const orderKey = (at: string | null, id: number) =>
  `${at ? canonicalTime(at) : '\uffff'}|${String(id).padStart(20, '0')}`;
const messageKey = (m: ChatMessage) => orderKey(m.timestamp || null, m.id);
export const cursorKey = (c: ChatCursor) => orderKey(c.at, c.id);

export interface QueryDivergence {
  subject: string;
  key: QueryKey;
  differences: Difference[];
}

/**
 * The conversation over the range the screen holds, freshly loaded, compared with the live one.
 * The fresh range is also returned as one page (cut where the live oldest page is cut), so a fresh
 * render can be shown exactly that range.
 */
async function compareConversation(
  held: HeldQuery,
  client: QueryClient,
): Promise<{ differences: Difference[]; fresh: InfiniteData<ChatPage> | undefined }> {
  const data = held.data as InfiniteData<ChatPage> | undefined;
  if (!data?.pages.length) return { differences: [], fresh: undefined };
  const live = data.pages.toReversed().flatMap((p) => p.messages);
  const last = data.pages.at(-1)!;
  // The oldest page the screen holds ends at its cursor; with nothing older, it holds them all.
  const boundary = last.hasOlder && last.cursor ? cursorKey(last.cursor) : null;
  const { pages, hasMore } = await loadFreshPages(held.query, client, (fetched) =>
    boundary === null
      ? false
      : (fetched as ChatPage[]).some((p) => p.messages.some((m) => messageKey(m) < boundary)),
  );
  const all = (pages as ChatPage[]).toReversed().flatMap((p) => p.messages);
  const fresh = boundary === null ? all : all.filter((m) => messageKey(m) >= boundary);
  const freshHasOlder = boundary !== null && (hasMore || all.some((m) => messageKey(m) < boundary));
  const out = differences({ messages: live }, { messages: fresh });
  if (last.hasOlder !== freshHasOlder && boundary !== null)
    out.push({
      path: '$.pages[-1].hasOlder',
      item: null,
      live: String(last.hasOlder),
      fresh: String(freshHasOlder),
    });
  const ids = live.map((m) => m.id);
  if (new Set(ids).size !== ids.length)
    out.push({ path: '$.messages', item: null, live: 'a message twice', fresh: 'once' });
  const oldest = fresh[0];
  const page: ChatPage = {
    messages: fresh,
    hasOlder: freshHasOlder,
    cursor:
      boundary !== null
        ? last.cursor
        : oldest
          ? { at: oldest.timestamp || null, id: oldest.id }
          : null,
  };
  return { differences: out, fresh: { pages: [page], pageParams: [data.pageParams[0]] } };
}

export async function compareHeldQueries(
  held: HeldQuery[],
  client: QueryClient,
): Promise<{
  divergences: QueryDivergence[];
  /** Each fresh load by query hash (a conversation: its range as one page, see above). */
  fresh: Map<string, unknown>;
}> {
  const divergences: QueryDivergence[] = [];
  const fresh = new Map<string, unknown>();
  for (const h of held) {
    const subject = `query ${JSON.stringify(h.key)}`;
    if (h.status === 'error') {
      divergences.push({
        subject,
        key: h.key,
        differences: [
          { path: '$', item: null, live: `error: ${String(h.error)}`, fresh: '(a fresh load)' },
        ],
      });
      continue;
    }
    let found: Difference[];
    if (isInfinite(h.query)) {
      const conversation = await compareConversation(h, client);
      found = conversation.differences;
      fresh.set(h.hash, conversation.fresh);
    } else {
      const value = await loadFresh(h.query, client);
      fresh.set(h.hash, value);
      found = canonicalJson(h.data) === canonicalJson(value) ? [] : differences(h.data, value);
    }
    if (found.length) divergences.push({ subject, key: h.key, differences: found });
  }
  return { divergences, fresh };
}
