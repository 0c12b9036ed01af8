import { describe, expect, it } from 'vitest';
import { loadStackConfig } from '../../stack/config';
import { DEMO_STAFF } from '../../stack/demo';
import { SLOT_PREFIX } from '../../stack/realtime/replication';
import { type RunningStack, startStack } from '../../stack/start-stack';
import { newClient, withDb } from '../support/clients';
import { insertMessage, subscribe, waitFor } from '../support/realtime';
import { startTempStack } from '../support/temp-stack';

// A subscribed client outlives a lost replication stream and a whole stack restart: realtime-js
// rejoins by itself, reports SUBSCRIBED again (when the app refetches), and new changes arrive.
// Its own stack, since it restarts everything.

describe('realtime across restarts', () => {
  it('rejoins after the replication stream drops and after a stack restart; no slot is left behind', async () => {
    const temp = await startTempStack();
    const { config } = temp.stack;
    const recruiter = DEMO_STAFF[0]!;
    const client = newClient(config.anonKey, temp.stack.apiUrl);
    let restarted: RunningStack | undefined;
    try {
      await client.auth.signInWithPassword({
        email: recruiter.email,
        password: recruiter.password,
      });
      const session = `rt_restart_${Date.now()}`;
      const sub = subscribe(client, { event: 'INSERT', filter: `session_id=eq.${session}` });
      await sub.joined;
      const subscribedCount = () => sub.statuses.filter((s) => s.status === 'SUBSCRIBED').length;
      const write = (text: string, dbUrl = temp.stack.dbUrl) =>
        withDb((db) => insertMessage(db, session, text), dbUrl);
      const delivered = (id: number) => sub.events.some((e) => e.new.id === id);
      const slots = (dbUrl: string) =>
        withDb(
          async (db) =>
            (
              await db.query<{ slot_name: string; active: boolean; temporary: boolean }>(
                'select slot_name, active, temporary from pg_replication_slots where slot_name like $1',
                [`${SLOT_PREFIX}%`],
              )
            ).rows,
          dbUrl,
        );

      const first = await write('first');
      await waitFor(() => delivered(first), 'the first change');

      // Replication lost (as when Postgres restarts under it): channels error, realtime-js rejoins.
      await withDb(
        (db) =>
          db.query(
            'select pg_terminate_backend(pid) from pg_stat_replication where application_name = $1',
            [SLOT_PREFIX],
          ),
        temp.stack.dbUrl,
      );
      await waitFor(() => subscribedCount() === 2, 'SUBSCRIBED after the stream came back', 20_000);
      const second = await write('after the stream came back');
      await waitFor(() => delivered(second), 'a change on the new stream');

      // The whole stack, on the same ports and data.
      await temp.stack.stop();
      restarted = await startStack(loadStackConfig(process.env, { ...config }), {
        log: () => undefined,
      });
      const away = await write('while the client is away', restarted.dbUrl);
      await waitFor(() => subscribedCount() === 3, 'SUBSCRIBED after the restart', 40_000);
      // What the app does on SUBSCRIBED: refetch. Every row is there, the one written meanwhile too.
      const { data } = await client.from('chat_history').select('id').eq('session_id', session);
      expect(data!.map((r) => Number(r.id)).sort((a, b) => a - b)).toEqual([first, second, away]);
      const third = await write('after the restart', restarted.dbUrl);
      await waitFor(() => delivered(third), 'a change after the restart');

      const left = await slots(restarted.dbUrl);
      expect(left).toHaveLength(1); // the current stream's, and no inactive one from before
      expect(left[0]).toMatchObject({ active: true, temporary: true });
    } finally {
      await client.removeAllChannels();
      await restarted?.stop();
      await temp.destroy();
    }
  }, 120_000);
});
