import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strangerClient, withDb } from '../support/clients';

// The attention read model (…_backend_attention.sql): each reason opens with the data that causes
// it and closes when that data changes; resolved reasons stay closed until a new one opens.

const ID = 'attn_1';
const CAMPAIGN = 'Attention Test Campaign';
const human = (content: string) => JSON.stringify({ type: 'human', content });
const ai = (content: string) => JSON.stringify({ type: 'ai', content });

interface Queue {
  entries: Array<{ session_id: string; reasons: Array<{ reason: string; opened_at: string }> }>;
  counts: Record<string, number>;
  next_change_at: string | null;
}

async function reasons(db: pg.Client, now: Date, hidden: unknown[] = []): Promise<string[]> {
  const { rows } = await db.query<{ q: Queue }>(
    `select public.attention_queue('{}', $1::jsonb, $2, null, 500, $3) as q`,
    [JSON.stringify(hidden), CAMPAIGN, now.toISOString()],
  );
  const entry = rows[0]!.q.entries.find((e) => e.session_id === ID);
  return (entry?.reasons.map((r) => r.reason) ?? []).sort();
}

const clear = (db: pg.Client) =>
  db.query(
    `delete from chat_history where session_id = $1; delete from calls where session_id = $1;
     delete from sessions where session_id = $1;`.replaceAll('$1', `'${ID}'`),
  );

beforeAll(() =>
  withDb(async (db) => {
    await clear(db);
    await db.query(
      `insert into sessions (session_id, phone_number, campaign, status, objectives)
       values ($1, '+447700111222', $2, 'active', '{"replied": true, "cv": false}')`,
      [ID, CAMPAIGN],
    );
  }),
);
afterAll(() => withDb(clear));

describe('attention reasons', () => {
  it('a candidate left waiting opens once the wait passes and closes when the agent answers', () =>
    withDb(async (db) => {
      const wrote = new Date(Date.now() - 60_000);
      await db.query(
        `insert into chat_history (session_id, message, created_at) values ($1, $2, $3)`,
        [ID, human('Is the job still open?'), wrote],
      );
      expect(await reasons(db, new Date(wrote.getTime() + 9 * 60_000))).toEqual([]);
      expect(await reasons(db, new Date(wrote.getTime() + 11 * 60_000))).toEqual([
        'awaiting_reply',
      ]);
      await db.query(
        `insert into chat_history (session_id, message, created_at) values ($1, $2, $3)`,
        [ID, ai('Yes, it is.'), new Date(wrote.getTime() + 1000)],
      );
      expect(await reasons(db, new Date(wrote.getTime() + 11 * 60_000))).toEqual([]);
    }));

  it('an escalated status opens a reason, resolving hides it, a new reason brings the entry back', () =>
    withDb(async (db) => {
      await db.query(
        `update sessions set status = 'escalated', updated_at = now() - interval '1 minute' where session_id = $1`,
        [ID],
      );
      const now = new Date();
      expect(await reasons(db, now)).toEqual(['escalated']);
      const resolved = [{ session_id: ID, resolved_at: now.toISOString() }];
      expect(await reasons(db, now, resolved)).toEqual([]);
      await db.query(
        `insert into calls (call_id, session_id, called_at, status, analysis) values ('attn_call', $1, now(), 'completed', '{"user_sentiment": "Negative"}')`,
        [ID],
      );
      const later = new Date(Date.now() + 1000);
      expect(await reasons(db, later, resolved)).toEqual(['call_negative']);
      expect(
        await reasons(db, later, [
          { session_id: ID, snoozed_until: new Date(Date.now() + 60_000).toISOString() },
        ]),
      ).toEqual([]);
      await db.query(`update sessions set status = 'active' where session_id = $1`, [ID]);
      expect(await reasons(db, later)).toEqual(['call_negative']);
    }));

  it('strangers get no entries', async () => {
    const { data, error } = await (await strangerClient()).client.rpc('attention_queue', {});
    expect(error).toBeNull();
    expect((data as unknown as Queue).entries).toEqual([]);
  });
});
