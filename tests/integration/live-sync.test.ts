import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { watchBackendChanges } from '@/lib/backend-changes';
import { createBackendApi } from '@/lib/backend-queries';
import type { ChatMessage } from '@/lib/backend-types';
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
// written meanwhile (nothing lost), counted.

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
            `insert into sessions (session_id, phone_number, status) values ($1, '+447700900777', 'active')`,
            [sessionId],
          ),
        temp.stack.dbUrl,
      );

      const api = createBackendApi(client);
      const observer = new QueryObserver<ChatMessage[]>(queryClient, {
        queryKey: chatKeys.session(sessionId),
        queryFn: ({ signal }) => api.getChatHistoryBySession(sessionId, { signal }),
      });
      const unsubscribe = observer.subscribe(() => undefined);
      const texts = () =>
        (queryClient.getQueryData<ChatMessage[]>(chatKeys.session(sessionId)) ?? []).map(
          (m) => m.text,
        );

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
      await waitFor(() => texts().length === 26, 'every message after the backfill', 10_000);
      expect(texts()).toEqual(['one', ...missed]);

      await insert(restarted.dbUrl, sessionId, ['after']);
      await waitFor(() => texts().at(-1) === 'after', 'live again after the restart', 2_000);
      expect(
        new Set(
          queryClient.getQueryData<ChatMessage[]>(chatKeys.session(sessionId))!.map((m) => m.id),
        ).size,
      ).toBe(27);
      unsubscribe();
    } finally {
      stopSync();
      queryClient.clear();
      await client.removeAllChannels();
      await restarted?.stop();
      await temp.destroy();
    }
  });
});
