import { DEMO_EXAMPLES } from '../../stack/demo';

// Data of every odd shape the agent may write (issue 7 §3), for the bad-input tables of the e2e
// and integration suites. One stamp per process, so rows of earlier runs never collide.

const STAMP = String(Date.now()).slice(-5);
/** Odd data: one candidate with messages and calls of every shape. */
export const ODD = { digits: `4477009${STAMP.padStart(5, '0')}`, session: `bad_${STAMP}` };
/** The same person under two sessions, stored in different phone formats, listed twice. */
export const TWICE = { digits: `4477008${STAMP.padStart(5, '0')}` };
export const ODD_CAMPAIGN = `Unlisted campaign ${STAMP}`;
export const BROKEN_CAMPAIGN = `Broken objectives ${STAMP}`;
const LONG_TRANSCRIPT = `AI: Hello from a very long call\n${'User: ok '.repeat(10) + '\n'}`.repeat(
  Math.ceil(1_000_000 / 100),
);

export type Sql = (text: string, values?: unknown[]) => Promise<unknown>;

export async function insertOddData(sql: Sql) {
  const phone = `+${ODD.digits}`;
  await sql(
    `insert into public.sessions (session_id, phone_number, campaign, status, objectives, created_at, updated_at)
     values ($1, $2, $3, 'ESCALATED_TO_HUMAN', $4, now() - interval '2 days', now())`,
    [
      ODD.session,
      phone,
      ODD_CAMPAIGN,
      {
        replied: { achieved: true, at: 'not a date', source: 42 },
        interested: 'yes',
        score: 7,
        weird: [1, 2],
        nothing: null,
      },
    ],
  );
  const messages: [unknown, string][] = [
    [
      { type: 'human', content: `Start of a long message ${'lorem ipsum '.repeat(17_000)}` },
      "now() - interval '1 day'",
    ],
    [{ type: 'human', content: null }, "now() - interval '20 hours'"],
    [
      {
        type: 'ai',
        content: [
          { type: 'text', text: 'Part one' },
          { type: 'image_url', image_url: { url: 'x' } },
          42,
          null,
        ],
      },
      "now() - interval '19 hours'",
    ],
    ['just a string', "now() - interval '18 hours'"],
    [42, "now() - interval '17 hours'"],
    [[1, 2, 3], "now() - interval '16 hours'"],
    [{}, "now() - interval '15 hours'"],
    [{ type: 'human', content: { nested: { deep: true } } }, "now() - interval '14 hours'"],
    [{ type: 'system', content: 'System note' }, "now() - interval '13 hours'"],
    [{ type: 'tool', content: '' }, "now() - interval '12 hours'"],
    [{ role: 'assistant', content: 'Role-shaped reply' }, "now() - interval '11 hours'"],
    [{ sender: 'user', text: 'Sender-shaped message' }, "now() - interval '10 hours'"],
    [{ type: 'human', content: 'From the far future' }, "'9999-12-31T23:59:59Z'"],
  ];
  for (const [message, at] of messages)
    await sql(
      `insert into public.chat_history (session_id, message, created_at) values ($1, $2::jsonb, ${at})`,
      [ODD.session, JSON.stringify(message)],
    );
  const calls: unknown[][] = [
    ['null_everything', null, null, null, LONG_TRANSCRIPT, null, null],
    [
      'gs_recording',
      "now() - interval '1 hour'",
      -5,
      'ESCALATED_TO_HUMAN',
      'AI: hi',
      'gs://bucket/rec.wav',
      JSON.stringify('Keen, call back Tuesday'),
    ],
    [
      'ftp_recording',
      "now() - interval '2 hours'",
      999_999,
      'completed',
      '',
      'ftp://example.com/a.wav',
      JSON.stringify([1, 2, 3]),
    ],
    [
      'bad_url',
      "now() - interval '3 hours'",
      60,
      'completed',
      'User: hello',
      'not a url',
      JSON.stringify({
        summary: null,
        sentiment: 42,
        successful: 'maybe',
        data: { nested: { x: 1 } },
      }),
    ],
  ];
  for (const [id, at, duration, status, transcript, url, analysis] of calls)
    await sql(
      `insert into public.calls (call_id, session_id, phone_number, called_at, duration, status, transcript, recording_url, analysis)
       values ($1, $2, $3, ${at ?? 'null'}, $4, $5, $6, $7, $8::jsonb)`,
      [`${ODD.session}_${id}`, ODD.session, phone, duration, status, transcript, url, analysis],
    );

  // One person, two sessions, stored as 4477… and whatsapp:+4477…, with duplicate numbers rows.
  for (const [suffix, stored, hoursAgo] of [
    ['a', TWICE.digits, 48],
    ['b', `whatsapp:+${TWICE.digits}`, 1],
  ] as const) {
    const session = `bad_twice_${suffix}_${STAMP}`;
    await sql(
      `insert into public.sessions (session_id, phone_number, campaign, status, created_at, updated_at)
       values ($1, $2, $3, 'waiting', now() - make_interval(hours => $4), now() - make_interval(hours => $4))`,
      [session, stored, DEMO_EXAMPLES.campaign, hoursAgo],
    );
    for (let copy = 0; copy < 2; copy++)
      await sql(
        'insert into public.numbers (phone_number, session_id, campaign) values ($1, $2, $3)',
        [stored, session, DEMO_EXAMPLES.campaign],
      );
  }

  await sql(
    `insert into public.campaigns (name, description, objectives, status) values ($1, null, '{"oops": true}', null)`,
    [BROKEN_CAMPAIGN],
  );
  await sql(
    `insert into public.sessions (session_id, phone_number, campaign, status, objectives)
     values ($1, '+447700900002', $2, 'active', '"not an object"')`,
    [`bad_broken_${STAMP}`, BROKEN_CAMPAIGN],
  );
}

export async function deleteOddData(sql: Sql) {
  await sql(`delete from public.calls where session_id like 'bad\\_%' escape '\\'`);
  await sql(`delete from public.chat_history where session_id like 'bad\\_%' escape '\\'`);
  await sql(`delete from public.numbers where session_id like 'bad\\_%' escape '\\'`);
  await sql(`delete from public.sessions where session_id like 'bad\\_%' escape '\\'`);
  await sql('delete from public.campaigns where name = $1', [BROKEN_CAMPAIGN]);
}
