import { InfiniteQueryObserver, QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { watchBackendChanges } from '@/lib/backend-changes';
import { createBackendApi } from '@/lib/backend-queries';
import type { CandidateSummary, ChatCursor, ChatPage } from '@/lib/backend-types';
import { candidateKeys } from '@/data/candidates/keys';
import { type ChatPages, loadedMessages } from '@/data/chat/chat-pages';
import { chatKeys } from '@/data/chat/keys';
import { startBackendSync } from '@/data/realtime/backend-sync';
import { createConnectionStore } from '@/data/realtime/connection-store';
import { loadStackConfig } from '../../stack/config';
import { DEMO_STAFF } from '../../stack/demo';
import { type RunningStack, startStack } from '../../stack/start-stack';
import { newClient, withDb } from '../support/clients';
import { waitFor } from '../support/realtime';
import { startTempStack } from '../support/temp-stack';

// The app's live layer end to end, on its own stack since it restarts it: an open conversation
// gets new messages by itself, and after the stack has been down the backfill brings every row
// written meanwhile (nothing lost), counted. The conversation is paged (10 messages a page here)
// the way the candidate dialog reads it: the backfill refetches the pages, older ones are then
// loaded page by page, and every message is there once.

const PHONE = '+447700900777';
const PAGE = 10;

const insert = (dbUrl: string, sessionId: string, texts: string[]) =>
  withDb(async (db) => {
    for (const text of texts) {
      await db.query(
        `insert into chat_history (session_id, message) values ($1, jsonb_build_object('type', 'human', 'content', $2::text))`,
        [sessionId, text],
      );
    }
  }, dbUrl);

describe('live sync (realtime + backfill)', () => {
  it('shows new messages live, and every message written while the stack was down after it is back', async () => {
    const temp = await startTempStack();
    const { config } = temp.stack;
    let restarted: RunningStack | undefined;
    const client = newClient(config.anonKey, temp.stack.apiUrl);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const store = createConnectionStore();
    let stopSync = () => undefined as void;
    try {
      const staff = DEMO_STAFF[0]!;
      await client.auth.signInWithPassword({ email: staff.email, password: staff.password });
      const sessionId = `live_sync_${Date.now()}`;
      await withDb(
        (db) =>
          db.query(
            `insert into sessions (session_id, phone_number, status) values ($1, $2, 'active')`,
            [sessionId, PHONE],
          ),
        temp.stack.dbUrl,
      );

      const api = createBackendApi(client);
      // The dialog's two reads: the profile (which sessions are this candidate's) and the pages.
      const profile = new QueryObserver<CandidateSummary>(queryClient, {
        queryKey: candidateKeys.profile(PHONE),
        queryFn: ({ signal }) => api.getCandidateSummary(PHONE, { signal }),
      });
      const conversation = new InfiniteQueryObserver<
        ChatPage,
        Error,
        ChatPages,
        ReturnType<typeof chatKeys.conversation>,
        ChatCursor | null
      >(queryClient, {
        queryKey: chatKeys.conversation(PHONE),
        queryFn: ({ pageParam, signal }) =>
          api.getChatPage(PHONE, { before: pageParam, limit: PAGE }, { signal }),
        initialPageParam: null,
        getNextPageParam: (page) => (page.hasOlder ? page.cursor : undefined),
      });
      const unsubscribe = [profile, conversation].map((o) => o.subscribe(() => undefined));
      await waitFor(() => profile.getCurrentResult().isSuccess, 'the profile', 5_000);
      await waitFor(() => conversation.getCurrentResult().isSuccess, 'the newest page', 5_000);
      const messages = () =>
        loadedMessages(queryClient.getQueryData<ChatPages>(chatKeys.conversation(PHONE))) ?? [];
      const texts = () => messages().map((m) => m.text);

      stopSync = startBackendSync({
        queryClient,
        store,
        watch: (handlers) => watchBackendChanges(client, handlers),
      });
      await waitFor(() => store.get().status === 'live', 'Live', 10_000);

      await insert(temp.stack.dbUrl, sessionId, ['one']);
      await waitFor(() => texts().includes('one'), 'a message shown live', 2_000);

      await temp.stack.stop();
      await waitFor(() => store.get().status !== 'live', 'the indicator to leave Live', 10_000);
      restarted = await startStack(loadStackConfig(process.env, { ...config }), {
        log: () => undefined,
      });
      // Written right after the restart, before the client has rejoined: only the backfill can bring these.
      const missed = Array.from({ length: 25 }, (_, i) => `missed ${i + 1}`);
      await insert(restarted.dbUrl, sessionId, missed);

      await waitFor(() => store.get().status === 'live', 'Live again', 30_000);
      // The backfill refetches the one loaded page: now the newest ten, with older ones to load.
      await waitFor(
        () => texts().at(-1) === 'missed 25',
        'the newest page after the backfill',
        10_000,
      );
      expect(texts()).toEqual(missed.slice(-PAGE));
      while (conversation.getCurrentResult().hasNextPage) await conversation.fetchNextPage();
      expect(texts()).toEqual(['one', ...missed]);

      await insert(restarted.dbUrl, sessionId, ['after']);
      await waitFor(() => texts().at(-1) === 'after', 'live again after the restart', 2_000);
      expect(new Set(messages().map((m) => m.id)).size).toBe(27);
      // The count is read again after changes (throttled), not patched.
      await waitFor(
        () =>
          queryClient.getQueryData<CandidateSummary>(candidateKeys.profile(PHONE))?.messageCount ===
          27,
        'the message count',
        5_000,
      );
      for (const stop of unsubscribe) stop();
    } finally {
      stopSync();
      queryClient.clear();
      await client.removeAllChannels();
      await restarted?.stop();
      await temp.destroy();
    }
  });
});
