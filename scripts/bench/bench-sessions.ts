import type pg from 'pg';

// The bench's own candidates, beside the seeded scale data: one with a very long conversation
// (DESIGN §7: a chat with 10,000 messages) and one with a short one that the realtime
// measurement writes into. Their phones are outside the ranges the demo and seed-scale use
// (07700 900xxx drama numbers, +4477 followed by a counter), and checked to be free.

export interface BenchCandidate {
  sessionId: string;
  phone: string;
  messages: number;
}

const CAMPAIGN = 'Plumber - London';

// What the agent and candidates write, of varied length so that rows differ in height as real
// ones do (the virtualised list measures each); some lines wrap, one has line breaks.
const AGENT_LINES = [
  'Hi, this is Sam from Outreach Recruitment. We have a plumbing role in Camden starting next week, is that of interest?',
  'Thanks! Do you hold a valid CSCS card?',
  'Great. The day rate is £220, Monday to Friday, 8am to 4:30pm. Parking is on site.',
  'Could you send a photo of your Gas Safe card when you get a moment?',
  "No problem at all. I'll pencil you in for a call tomorrow at 10am to go through the details, and the site manager will confirm the start date.",
  'Noted, thank you.',
  'Quick reminder of what we need before Monday:\n- CSCS card\n- Proof of right to work\n- Two references',
  'Are you still available for the Islington job on Thursday?',
];
const CANDIDATE_LINES = [
  'Yes',
  'Yes I am still interested, free from Monday',
  'ok',
  'What is the day rate?',
  "I've got my CSCS, blue card, renewed last year. Gas Safe too, I'll send a photo tonight when I'm home",
  'Can I bring my own van?',
  'Sorry missed your call, was on a job',
  '👍',
];

/** `count` messages alternating in runs between candidate and agent, over the last 120 days. */
const SQL_MESSAGES = `
  insert into public.chat_history (session_id, message, created_at)
  select
    $1,
    case when (j * 7) % 5 < 2
      then jsonb_build_object('type', 'human', 'content', ($3::text[])[1 + (j * 3) % cardinality($3::text[])],
                              'additional_kwargs', '{}'::jsonb, 'response_metadata', '{}'::jsonb)
      else jsonb_build_object('type', 'ai', 'content', ($4::text[])[1 + (j * 5) % cardinality($4::text[])],
                              'tool_calls', '[]'::jsonb, 'additional_kwargs', '{}'::jsonb,
                              'response_metadata', '{}'::jsonb, 'invalid_tool_calls', '[]'::jsonb)
    end,
    now() - interval '120 days' + (j::double precision / $2::int) * interval '120 days'
  from generate_series(1, $2::int) j`;

async function seedCandidate(
  db: pg.Client,
  sessionId: string,
  phone: string,
  messages: number,
): Promise<BenchCandidate> {
  const digits = phone.replace(/\D/g, '');
  const taken = await db.query(
    `select 1 from public.sessions
      where session_id <> $1 and regexp_replace(coalesce(phone_number, ''), '\\D', '', 'g') like '%' || $2
     union all
     select 1 from public.numbers
      where session_id <> $1 and regexp_replace(phone_number, '\\D', '', 'g') like '%' || $2
     limit 1`,
    [sessionId, digits.slice(-10)],
  );
  if (taken.rowCount) throw new Error(`The bench's phone ${phone} is already someone else's`);
  await db.query('begin');
  try {
    await db.query('delete from public.chat_history where session_id = $1', [sessionId]);
    await db.query('delete from public.numbers where session_id = $1', [sessionId]);
    await db.query('delete from public.sessions where session_id = $1', [sessionId]);
    await db.query(
      `insert into public.sessions (session_id, phone_number, campaign, status, objectives, created_at, updated_at)
       values ($1, $2, $3, 'active', '{"replied": true}', now() - interval '120 days', now())`,
      [sessionId, phone, CAMPAIGN],
    );
    await db.query(
      'insert into public.numbers (phone_number, session_id, campaign) values ($1, $2, $3)',
      [phone, sessionId, CAMPAIGN],
    );
    await db.query(SQL_MESSAGES, [sessionId, messages, CANDIDATE_LINES, AGENT_LINES]);
    await db.query('commit');
  } catch (error) {
    await db.query('rollback').catch(() => undefined);
    throw error;
  }
  return { sessionId, phone, messages };
}

export async function seedBenchCandidates(
  db: pg.Client,
  longChatMessages: number,
): Promise<{ longChat: BenchCandidate; realtimeChat: BenchCandidate }> {
  const longChat = await seedCandidate(db, 'bench_long_chat', '+447400100001', longChatMessages);
  const realtimeChat = await seedCandidate(db, 'bench_realtime', '+447400100002', 20);
  await db.query('analyze public.chat_history');
  return { longChat, realtimeChat };
}
