import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { localProjects } from '../stack/local-layout';

/**
 * `npm run db:seed -- --sessions 100000 --messages 1000000 --calls 50000`
 * Adds generated activity of that size to a database (the local stack by default, or
 * BACKEND_DATABASE_URL), set-based in Postgres so a million messages take seconds, not hours.
 * Rows are deterministic for the same sizes (setseed) and marked `scale_` so `--clear` removes them.
 */
function count(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 50_000_000)
    throw new Error(`--${name} must be a whole number up to 50,000,000, got "${value}"`);
  return n;
}

const SQL_CLEAR = `
  delete from public.chat_history where session_id like 'scale\\_%';
  delete from public.calls where call_id like 'scale\\_%';
  delete from public.numbers where session_id like 'scale\\_%';
  delete from public.sessions where session_id like 'scale\\_%';`;

// Campaign k of the existing ones (the demo's four, or whatever the backend holds).
const SQL_SESSIONS = `
  with c as (select array_agg(name order by name) as names from public.campaigns)
  insert into public.sessions (session_id, phone_number, campaign, status, objectives, created_at, updated_at)
  select
    'scale_' || i,
    '+4477' || lpad(i::text, 8, '0'),
    c.names[1 + i % greatest(cardinality(c.names), 1)],
    (array['active','waiting','waiting','completed','completed','completed','opted_out','failed'])[1 + (i * 7) % 8],
    jsonb_build_object(
      'replied', i % 5 <> 0,
      'interested', case when i % 3 = 0 then 'yes' else 'no' end,
      'right_to_work', jsonb_build_object('achieved', i % 4 = 0, 'at', now() - (i % 720) * interval '1 hour', 'source', 'chat')
    ),
    now() - interval '30 days' + (i % 43200) * interval '1 minute',
    now() - (i % 43200) * interval '1 minute'
  from generate_series(1, $1::int) i, c;`;

const SQL_NUMBERS = `
  insert into public.numbers (phone_number, session_id, campaign, created_at)
  select s.phone_number, s.session_id, s.campaign, s.created_at from public.sessions s where s.session_id like 'scale\\_%';`;

// Varied text, so that a search (npm run bench) meets common words, rare ones and phrases as in a
// real inbox: templates by turn, one of 40 towns, and roughly 1 message in 10,000 naming a forklift.
const SQL_MESSAGES = `
  with t as (
    select
      array['Yes I am still interested, free from Monday',
            'What is the day rate for the job in %s?',
            'I have my CSCS card and five years as a groundworker',
            'Not available this week sorry, maybe next month',
            'What time do I need to be on site in %s?',
            'Can I bring my own tools? I live near %s'] as human,
      array['Thanks! Do you hold a valid CSCS card?',
            'The role in %s pays £180/day, starting Monday.',
            'Great, a recruiter will call you tomorrow at 10am.',
            'Could you share your right to work code, please?',
            'Are you happy to travel to %s for this role?'] as ai,
      array['Birmingham','Manchester','Leeds','Bristol','Liverpool','Sheffield','Newcastle',
            'Nottingham','Leicester','Coventry','Bradford','Cardiff','Glasgow','Edinburgh',
            'Belfast','Southampton','Portsmouth','Plymouth','Reading','Derby','Wolverhampton',
            'Stoke','Sunderland','Swansea','Oxford','Cambridge','Norwich','Exeter','York','Hull',
            'Brighton','Luton','Milton Keynes','Northampton','Peterborough','Ipswich','Aberdeen',
            'Dundee','Bath','Chester'] as towns
  )
  insert into public.chat_history (session_id, message, created_at)
  select
    'scale_' || (1 + j % $2::int),
    -- Within a session the candidate and the agent take turns, the agent answering each message
    -- (its rounds: j / sessions), except the newest 0.1% of messages: candidates still waiting.
    case when (j / $2::int) % 2 = 0 or j > $1::int - $1::int / 1000
      then jsonb_build_object('type', 'human', 'content',
        format(t.human[1 + (j / 2) % 6], t.towns[1 + (j * 7) % 40])
          || case when j % 10007 = 0 then ' My forklift licence is still valid.' else '' end,
        'additional_kwargs', '{}'::jsonb)
      else jsonb_build_object('type', 'ai', 'content',
        format(t.ai[1 + (j / 2) % 5], t.towns[1 + (j * 7) % 40]), 'tool_calls', '[]'::jsonb)
    end,
    now() - interval '30 days' + (j::double precision / $1::int) * interval '30 days'
  from generate_series(1, $1::int) j, t;`;

const SQL_CALLS = `
  insert into public.calls (call_id, session_id, phone_number, called_at, duration, status, transcript, recording_url, analysis)
  select
    'scale_' || k,
    'scale_' || (1 + (k * 7) % $2::int),
    '+4477' || lpad((1 + (k * 7) % $2::int)::text, 8, '0'),
    now() - interval '30 days' + (k::double precision / $1::int) * interval '30 days',
    case when k % 4 = 0 then null else 30 + k % 400 end,
    case when k % 4 = 0 then 'no-answer' else 'completed' end,
    case when k % 4 = 0 then null else E'Agent: Hi, is that a good time?\\nUser: Yes go ahead.' end,
    null,
    case when k % 4 = 0 then null else jsonb_build_object('call_summary', 'Interested', 'user_sentiment', 'Positive', 'call_successful', true) end
  from generate_series(1, $1::int) k;`;

export interface SeedSizes {
  sessions: number;
  messages: number;
  calls: number;
  /** Only remove earlier `scale_` rows. */
  clear?: boolean;
}

/** Seeds `scale_` rows of these sizes over a connected client (also used by `npm run bench`). */
export async function seedScale(
  client: pg.Client,
  { sessions, messages, calls, clear = false }: SeedSizes,
  log: (line: string) => void = console.log,
): Promise<void> {
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const started = Date.now();
    await client.query(sql, params);
    log(`${label.padEnd(28)} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  await client.query('select setseed(0.42)');
  await step('Removed earlier scale_ rows', SQL_CLEAR);
  if (clear) return;
  if (sessions === 0 && (messages > 0 || calls > 0))
    throw new Error('--messages and --calls need --sessions > 0');
  await step(`${sessions.toLocaleString('en-GB')} sessions`, SQL_SESSIONS, [sessions]);
  await step('their numbers', SQL_NUMBERS);
  if (sessions)
    await step(`${messages.toLocaleString('en-GB')} messages`, SQL_MESSAGES, [messages, sessions]);
  if (sessions) await step(`${calls.toLocaleString('en-GB')} calls`, SQL_CALLS, [calls, sessions]);
  // and the dashboard's rollup (…_backend_baseline.sql), where it exists
  const { rows } = await client.query<{ rollup: string | null }>(
    "select to_regclass('public.session_activity_rollup')::text as rollup",
  );
  await step(
    'Analyze',
    'analyze public.sessions, public.numbers, public.chat_history, public.calls' +
      (rows[0]?.rollup ? ', public.session_activity_rollup' : ''),
  );
}

async function main() {
  const { values } = parseArgs({
    options: {
      sessions: { type: 'string', default: '100000' },
      messages: { type: 'string', default: '1000000' },
      calls: { type: 'string', default: '50000' },
      clear: { type: 'boolean', default: false },
    },
  });
  const sessions = count('sessions', values.sessions);
  const messages = count('messages', values.messages);
  const calls = count('calls', values.calls);
  const url = process.env.BACKEND_DATABASE_URL || localProjects().backend.dbUrl;
  const client = new pg.Client({ connectionString: url });
  await client.connect().catch((error: Error) => {
    throw new Error(
      `Cannot reach ${url.replace(/:[^:@/]+@/, ':***@')} (${error.message}). Is \`npm run stack\` running?`,
    );
  });
  try {
    await seedScale(client, { sessions, messages, calls, clear: values.clear });
  } finally {
    await client.end();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main().catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });
