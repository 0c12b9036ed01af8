import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../stack/demo';
import { rulesParam } from '../../src/lib/app-attention-rules';
import { createAppApi } from '../../src/lib/app-queries';
import { createBackendApi } from '../../src/lib/backend-queries';
import { signedInClient, strangerClient, withDb } from '../support/clients';

// Each campaign's attention rules (…_app_attention_rules.sql): managers set them, every staff
// member reads them, strangers see none; the table refuses what the form refuses; and the queue
// the browser asks for (rules read from the app, handed to the backend) follows them.

const CAMPAIGN = 'Rules Test Campaign';
const SESSION = 'rules_test_session';
const [recruiterMember, , managerMember] = DEMO_STAFF;
const MINUTE = 60_000;
const WROTE = new Date(Date.now() - 15 * MINUTE);

const reset = () =>
  withDb((db) =>
    db.query(
      `delete from public.attention_rules where campaign like 'Rules Test%';
       delete from public.chat_history where session_id like 'rules\\_test\\_%';
       delete from public.sessions where session_id like 'rules\\_test\\_%';`,
    ),
  );

let manager: ReturnType<typeof createAppApi>;
let recruiter: ReturnType<typeof createAppApi>;
let backend: ReturnType<typeof createBackendApi>;

beforeAll(async () => {
  await reset();
  manager = createAppApi(await signedInClient(managerMember!.email));
  const recruiterClient = await signedInClient(recruiterMember!.email);
  recruiter = createAppApi(recruiterClient);
  backend = createBackendApi(recruiterClient);
  // A candidate who wrote 15 minutes ago and has had no answer.
  await withDb(async (db) => {
    await db.query(
      `insert into public.chat_history (session_id, message, created_at)
       values ($1, '{"type": "human", "content": "Hello?"}', $2)`,
      [SESSION, WROTE],
    );
    await db.query(
      `insert into public.sessions (session_id, phone_number, campaign, status, objectives)
       values ($1, '+447700333444', $2, 'active', '{}')`,
      [SESSION, CAMPAIGN],
    );
  });
});
afterAll(reset);

/** The reasons open for the test session, as the browser asks: the app's rules handed over. */
async function openReasons() {
  const rules = await recruiter.listAttentionRules();
  const queue = await backend.getAttentionQueue({ campaign: CAMPAIGN }, [], {
    rules: rulesParam(rules),
  });
  return queue.entries.find((e) => e.sessionId === SESSION)?.reasons.map((r) => r.reason) ?? [];
}

describe("a few sessions' attention (the candidate dialog)", () => {
  it('gives the same reasons as the queue for those sessions alone, hidden ones left out', async () => {
    const rules = rulesParam(await recruiter.listAttentionRules());
    const queue = await backend.getAttentionQueue({ campaign: CAMPAIGN }, [], { rules });
    const few = await backend.getSessionsAttention([SESSION, 'no_such_session'], [], { rules });
    expect(few).toEqual(
      queue.entries
        .filter((e) => e.sessionId === SESSION)
        .map((e) => ({ ...e, phoneNumber: null })),
    );
    expect(few.map((e) => e.reasons.map((r) => r.reason))).toEqual([['awaiting_reply']]);
    const resolved = [
      { sessionId: SESSION, resolvedAt: new Date().toISOString(), snoozedUntil: null },
    ];
    expect(await backend.getSessionsAttention([SESSION], resolved, { rules })).toEqual([]);
    expect(await backend.getSessionsAttention([], [], { rules })).toEqual([]);
  });
});

describe('the next threshold', () => {
  it("is when the next waiting candidate crosses their campaign's wait", async () => {
    const second = 'rules_test_second';
    const wrote = new Date(Date.now() - 2 * MINUTE);
    await withDb(async (db) => {
      await db.query(
        `insert into public.sessions (session_id, phone_number, campaign, status, objectives)
         values ($1, '+447700333555', $2, 'active', '{}')`,
        [second, CAMPAIGN],
      );
      await db.query(
        `insert into public.chat_history (session_id, message, created_at)
         values ($1, '{"type": "human", "content": "Still there?"}', $2)`,
        [second, wrote],
      );
    });
    const next = async () => {
      const rules = rulesParam(await recruiter.listAttentionRules());
      const queue = await backend.getAttentionQueue({ campaign: CAMPAIGN }, [], { rules });
      return Date.parse(queue.nextChangeAt ?? '');
    };
    // The default 10 minutes: the first candidate is past it, the second crosses it next.
    expect(await next()).toBe(wrote.getTime() + 10 * MINUTE);
    // 30 minutes in this campaign: the first candidate (15 minutes in) crosses it first.
    await manager.saveAttentionRule({
      campaign: CAMPAIGN,
      replyWaitMinutes: 30,
      silentHours: 24,
      off: [],
    });
    try {
      expect(await next()).toBe(WROTE.getTime() + 30 * MINUTE);
    } finally {
      await manager.removeAttentionRule(CAMPAIGN);
      await withDb((db) =>
        db.query(
          `delete from public.chat_history where session_id = $1;
           delete from public.sessions where session_id = $1;`.replaceAll('$1', `'${second}'`),
        ),
      );
    }
  });
});

describe('attention rules', () => {
  it('a manager sets a campaign rule; the queue follows it; back to defaults reopens', async () => {
    expect(await openReasons()).toEqual(['awaiting_reply']);
    const saved = await manager.saveAttentionRule({
      campaign: CAMPAIGN,
      replyWaitMinutes: 30,
      silentHours: 48,
      off: [],
    });
    expect(saved).toMatchObject({
      replyWaitMinutes: 30,
      silentHours: 48,
      updatedByEmail: managerMember!.email,
    });
    expect(await openReasons()).toEqual([]);

    await manager.saveAttentionRule({
      campaign: CAMPAIGN,
      replyWaitMinutes: 10,
      silentHours: 24,
      // sent twice and out of order: stored once, sorted
      off: ['paused', 'awaiting_reply', 'paused'],
    });
    expect(
      (await recruiter.listAttentionRules()).find((r) => r.campaign === CAMPAIGN)?.off,
    ).toEqual(['awaiting_reply', 'paused']);
    expect(await openReasons()).toEqual([]);

    await manager.removeAttentionRule(CAMPAIGN);
    expect(await openReasons()).toEqual(['awaiting_reply']);
  });

  it('staff who are not managers read the rules but cannot change them; strangers see none', async () => {
    await manager.saveAttentionRule({
      campaign: `${CAMPAIGN} B`,
      replyWaitMinutes: 20,
      silentHours: 24,
      off: [],
    });
    expect((await recruiter.listAttentionRules()).map((r) => r.campaign)).toContain(
      `${CAMPAIGN} B`,
    );
    await expect(
      recruiter.saveAttentionRule({
        campaign: `${CAMPAIGN} B`,
        replyWaitMinutes: 1,
        silentHours: 1,
        off: [],
      }),
    ).rejects.toMatchObject({ kind: 'unauthorized', cause: { code: '42501' } });
    await recruiter.removeAttentionRule(`${CAMPAIGN} B`);
    expect(
      (await manager.listAttentionRules()).find((r) => r.campaign === `${CAMPAIGN} B`),
    ).toMatchObject({ replyWaitMinutes: 20 });

    const { client } = await strangerClient();
    const stranger = createAppApi(client);
    expect(await stranger.listAttentionRules()).toEqual([]);
    await expect(
      stranger.saveAttentionRule({
        campaign: `${CAMPAIGN} C`,
        replyWaitMinutes: 5,
        silentHours: 5,
        off: [],
      }),
    ).rejects.toMatchObject({ kind: 'unauthorized' });
  });

  // Every bad rule the form explains, generated: the client refuses it before a request, and the
  // table refuses it too when sent straight (a client that skips the form).
  const bad = [
    ...[0, -5, 1.5, 10_081, Number.NaN].map((wait) => ({ wait, silent: 24, off: [] as string[] })),
    ...[0, 721, 2.5, Number.POSITIVE_INFINITY].map((silent) => ({ wait: 10, silent, off: [] })),
    { wait: 10, silent: 24, off: ['not_a_reason'] },
  ];
  it.each(bad)(
    'refuses wait $wait min, silent $silent h, off $off',
    async ({ wait, silent, off }) => {
      await expect(
        manager.saveAttentionRule({
          campaign: `${CAMPAIGN} D`,
          replyWaitMinutes: wait,
          silentHours: silent,
          off,
        }),
      ).rejects.toMatchObject({ kind: 'validation' });
      const client = await signedInClient(managerMember!.email);
      const direct = await client.from('attention_rules').insert({
        campaign: `${CAMPAIGN} D`,
        reply_wait_minutes: wait,
        silent_hours: silent,
        off,
      });
      expect(direct.error).not.toBeNull();
    },
  );
});
