import bcrypt from 'bcryptjs';
import type pg from 'pg';
import type { DemoData, DemoSummary } from './types';

// Writes DemoData in one transaction. Each table's rows go up as one JSON array parameter per
// chunk and are unpacked by Postgres (jsonb_array_elements): a handful of round trips for ~7,000
// rows instead of thousands, with no SQL built from values.

type ColumnType = 'text' | 'timestamptz' | 'integer' | 'bigint' | 'uuid' | 'jsonb' | 'json-value';

/** `jsonb` turns a JSON null into SQL NULL; `json-value` keeps it (a message may be JSON null). */
type Columns = Record<string, ColumnType>;

const CHUNK = 2000;

function columnExpression(name: string, type: ColumnType): string {
  switch (type) {
    case 'text':
      return `e->>'${name}'`;
    case 'jsonb':
      return `nullif(e->'${name}', 'null'::jsonb)`;
    case 'json-value':
      return `e->'${name}'`;
    default:
      return `(e->>'${name}')::${type}`;
  }
}

/** Inserts rows in array order (with ordinality), so identity ids follow it. */
async function insertRows(
  client: pg.ClientBase,
  table: string,
  columns: Columns,
  rows: readonly object[],
): Promise<number> {
  const names = Object.keys(columns);
  const sql =
    `insert into ${table} (${names.join(', ')}) ` +
    `select ${names.map((name) => columnExpression(name, columns[name] ?? 'text')).join(', ')} ` +
    `from jsonb_array_elements($1::jsonb) with ordinality as r(e, n) order by n`;
  for (let i = 0; i < rows.length; i += CHUNK) {
    await client.query(sql, [JSON.stringify(rows.slice(i, i + CHUNK))]);
  }
  return rows.length;
}

// bcrypt at cost 10 takes tens of milliseconds; the demo accounts share one password, so hash it
// once per process however often the stack is reset.
const hashes = new Map<string, Promise<string>>();
function passwordHash(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = bcrypt.hash(password, 10);
    hashes.set(password, hash);
  }
  return hash;
}

/** Which tables a database holds (DESIGN §1): all of them, or one project's of the two. */
export type DemoTables = 'all' | 'app' | 'backend';

/**
 * Inserts the demo data into empty tables; on any error nothing is left behind. In the
 * two-project layout each project gets its own part: the app project the staff accounts,
 * candidates, jobs and notes; the backend project the agent's campaigns, numbers, sessions,
 * messages and calls (the two meet by phone number and campaign name, as in production).
 */
export async function insertDemoData(
  client: pg.ClientBase,
  data: DemoData,
  tables: DemoTables = 'all',
): Promise<Partial<DemoSummary>> {
  await client.query('begin');
  try {
    const summary: Partial<DemoSummary> = {
      ...(tables !== 'backend' && (await insertAppPart(client, data))),
      ...(tables !== 'app' && (await insertBackendPart(client, data))),
    };
    await client.query('commit');
    return summary;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

async function insertAppPart(client: pg.ClientBase, data: DemoData) {
  const staff = await Promise.all(
    data.staffAccounts.map(async (account) => ({
      ...account,
      encrypted_password: await passwordHash(account.password),
    })),
  );
  const authorIds = new Map(data.staffAccounts.map((account) => [account.email, account.id]));
  const confirmedAt = new Date().toISOString();
  await insertRows(
    client,
    'auth.users',
    {
      id: 'uuid',
      email: 'text',
      encrypted_password: 'text',
      email_confirmed_at: 'timestamptz',
      raw_app_meta_data: 'jsonb',
      raw_user_meta_data: 'jsonb',
    },
    staff.map((s) => ({
      id: s.id,
      email: s.email,
      encrypted_password: s.encrypted_password,
      email_confirmed_at: confirmedAt,
      raw_app_meta_data: { provider: 'email', providers: ['email'] },
      raw_user_meta_data: { full_name: s.fullName },
    })),
  );
  const summary = {
    staff_members: await insertRows(
      client,
      'public.staff_members',
      { user_id: 'uuid', email: 'text', role: 'text' },
      staff.map((s) => ({ user_id: s.id, email: s.email, role: s.role })),
    ),
    jobs: await insertRows(
      client,
      'public.jobs',
      { id: 'bigint', title: 'text', trade: 'text', location: 'text', created_at: 'timestamptz' },
      data.jobs,
    ),
    candidates: await insertRows(
      client,
      'public.candidates',
      {
        id: 'bigint',
        full_name: 'text',
        phone_number: 'text',
        email: 'text',
        campaign: 'text',
        job_id: 'bigint',
        stage: 'text',
        created_at: 'timestamptz',
        updated_at: 'timestamptz',
      },
      data.candidates,
    ),
    candidate_notes: 0,
  };

  // The notes trigger stamps created_at with now() (right for the API); demo notes keep their
  // dates, so it is off for this insert only (the transaction holds the table meanwhile).
  await client.query('alter table public.candidate_notes disable trigger user');
  summary.candidate_notes = await insertRows(
    client,
    'public.candidate_notes',
    {
      candidate_id: 'bigint',
      author_id: 'uuid',
      author_email: 'text',
      body: 'text',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
    },
    data.candidate_notes.map((note) => ({
      ...note,
      author_id: authorIds.get(note.author_email),
      updated_at: note.created_at,
    })),
  );
  await client.query('alter table public.candidate_notes enable trigger user');

  // Explicit ids leave the identity sequences behind; move them past the demo rows.
  for (const table of ['public.jobs', 'public.candidates']) {
    await client.query(
      `select setval(pg_get_serial_sequence($1, 'id'), (select coalesce(max(id), 0) + 1 from ${table}), false)`,
      [table],
    );
  }
  return summary;
}

async function insertBackendPart(client: pg.ClientBase, data: DemoData) {
  return {
    campaigns: await insertRows(
      client,
      'public.campaigns',
      {
        name: 'text',
        description: 'text',
        objectives: 'jsonb',
        status: 'text',
        created_at: 'timestamptz',
      },
      data.campaigns,
    ),
    numbers: await insertRows(
      client,
      'public.numbers',
      { phone_number: 'text', session_id: 'text', campaign: 'text', created_at: 'timestamptz' },
      data.numbers,
    ),
    sessions: await insertRows(
      client,
      'public.sessions',
      {
        session_id: 'text',
        phone_number: 'text',
        campaign: 'text',
        status: 'text',
        objectives: 'jsonb',
        created_at: 'timestamptz',
        updated_at: 'timestamptz',
      },
      data.sessions,
    ),
    chat_history: await insertRows(
      client,
      'public.chat_history',
      { session_id: 'text', message: 'json-value', created_at: 'timestamptz' },
      data.chat_history,
    ),
    calls: await insertRows(
      client,
      'public.calls',
      {
        call_id: 'text',
        session_id: 'text',
        phone_number: 'text',
        called_at: 'timestamptz',
        duration: 'integer',
        status: 'text',
        transcript: 'text',
        recording_url: 'text',
        analysis: 'jsonb',
      },
      data.calls,
    ),
  };
}
