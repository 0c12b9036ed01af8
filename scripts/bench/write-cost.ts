import pg from 'pg';
import { type Row, formatMs, log, sleep, summarize } from './results';

// The agent's write cost (DESIGN §7): the agent's writes (new messages, calls and session updates)
// at its rate and at 10× it, timed one statement at a time, first with everything the dashboard
// adds to the agent's tables (its statement triggers and indexes), then without (the triggers
// disabled, the indexes dropped) on the same database and data. Between the two, the rollups are
// checked against a recount (rollup_check(): no drift). Run last: the database is left without the
// dashboard's triggers and indexes.
//
// The writes go straight to Postgres, as the agent's chat memory does, with each statement its own
// transaction: no network hop dilutes the difference. The bench's stack flushes commits to disk
// (fsync on), as a hosted database does; the agent reaches that one over a network, which adds to
// both sides, so the dashboard's share is smaller there, not larger.

const AGENT_TABLES = ['numbers', 'sessions', 'chat_history', 'calls', 'campaigns'];
/** The agent's writes per second in the simulator's busiest setting (the soak test's rate). */
const AGENT_RATE = 4;
const CONNECTIONS = 4;
export const WRITE_COST_BAR = '≤ +30% (p50) vs no dashboard, 0 failed, 0 drift';

type Kind = 'message insert' | 'call insert' | 'session update';
const KINDS: Kind[] = ['message insert', 'call insert', 'session update'];

export interface WriteCostOptions {
  dbUrl: string;
  /** Seconds at the agent's rate, and at 10× it, per configuration. */
  seconds: number;
  /** How many `scale_` sessions the seed made: the writes go to them. */
  sessions: number;
  at: string;
}

/** The i-th write: 7 in 10 a message, then a call or a session update, on scale sessions. */
function write(
  i: number,
  label: string,
  sessions: number,
): { kind: Kind; sql: string; params: unknown[] } {
  const session = `scale_${1 + ((i * 7919) % sessions)}`;
  const slot = i % 10;
  if (slot === 3)
    return {
      kind: 'call insert',
      sql: `insert into public.calls (call_id, session_id, phone_number, called_at, duration, status, transcript, analysis)
            values ($1, $2, $3, now(), 95, 'completed', $4, $5)`,
      params: [
        `bench_${label}_${i}`,
        session,
        '+447700900123',
        'Agent: Hi, is that a good time to talk about the groundworker role?\nUser: Yes, I can start Monday.',
        JSON.stringify({ call_summary: 'Keen, starts Monday', user_sentiment: 'Positive' }),
      ],
    };
  if (slot === 7)
    return {
      kind: 'session update',
      sql: `update public.sessions set status = $2, objectives = coalesce(objectives, '{}') || $3, updated_at = now()
            where session_id = $1`,
      params: [session, i % 20 === 7 ? 'active' : 'waiting', JSON.stringify({ replied: true })],
    };
  return {
    kind: 'message insert',
    sql: 'insert into public.chat_history (session_id, message) values ($1, $2)',
    params: [
      session,
      JSON.stringify(
        i % 2
          ? { type: 'human', content: `Yes I can do Monday, message ${i}`, additional_kwargs: {} }
          : { type: 'ai', content: 'Great, do you hold a valid CSCS card?', tool_calls: [] },
      ),
    ],
  };
}

/** Writes at `rate` per second for `seconds` (each on a free connection); ms per kind. */
async function writeAt(
  pool: pg.Pool,
  rate: number,
  seconds: number,
  label: string,
  sessions: number,
): Promise<{ ms: Record<Kind, number[]>; failed: number }> {
  const ms: Record<Kind, number[]> = {
    'message insert': [],
    'call insert': [],
    'session update': [],
  };
  let failed = 0;
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < rate * seconds; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const { kind, sql, params } = write(i, label, sessions);
    pending.push(
      pool.connect().then(async (connection) => {
        const sent = performance.now();
        try {
          await connection.query(sql, params);
          ms[kind].push(performance.now() - sent);
        } catch (error) {
          failed++;
          console.error(`  ${kind} failed: ${(error as Error).message}`);
        } finally {
          connection.release();
        }
      }),
    );
  }
  await Promise.all(pending);
  return { ms, failed };
}

/** Takes away what the dashboard adds to the agent's tables: its triggers and its indexes. */
async function removeDashboardAdditions(
  db: pg.Pool,
): Promise<{ triggers: number; indexes: number }> {
  const triggers = await db.query<{ tgname: string; table: string }>(
    `select t.tgname, c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid
     where c.relnamespace = 'public'::regnamespace and c.relname = any ($1) and not t.tgisinternal`,
    [AGENT_TABLES],
  );
  for (const t of triggers.rows)
    await db.query(
      `alter table public.${pg.escapeIdentifier(t.table)} disable trigger ${pg.escapeIdentifier(t.tgname)}`,
    );
  // every index but those behind a constraint (the agent's own primary keys)
  const indexes = await db.query<{ name: string }>(
    `select i.indexrelid::regclass::text as name from pg_index i join pg_class c on c.oid = i.indrelid
     where c.relnamespace = 'public'::regnamespace and c.relname = any ($1)
       and not exists (select from pg_constraint k where k.conindid = i.indexrelid)`,
    [AGENT_TABLES],
  );
  for (const i of indexes.rows) await db.query(`drop index ${i.name}`);
  return { triggers: triggers.rowCount ?? 0, indexes: indexes.rowCount ?? 0 };
}

export async function measureWriteCost({
  dbUrl,
  seconds,
  sessions,
  at,
}: WriteCostOptions): Promise<Row[]> {
  const pool = new pg.Pool({ connectionString: dbUrl, max: CONNECTIONS });
  try {
    const rates = [AGENT_RATE, AGENT_RATE * 10];
    const run = async (label: string) => {
      const results = [];
      for (const rate of rates) {
        // warm the connections and the plans, untimed
        await writeAt(pool, rate, 1, `${label}_warm_${rate}`, sessions);
        results.push(await writeAt(pool, rate, seconds, `${label}_${rate}`, sessions));
      }
      return results;
    };
    log(
      `with the dashboard's triggers and indexes: ${rates.join(' and ')} writes/s for ${seconds} s each`,
    );
    const withDashboard = await run('with');
    const checkStarted = performance.now();
    const drift = await pool.query<{ rollup: string; key: string }>(
      'select rollup, key from public.rollup_check()',
    );
    const checkMs = performance.now() - checkStarted;
    log(`rollup_check: ${drift.rowCount} rows differ from a recount (${formatMs(checkMs)})`);
    const removed = await removeDashboardAdditions(pool);
    log(
      `without them (${removed.triggers} triggers disabled, ${removed.indexes} indexes dropped): the same writes`,
    );
    const without = await run('without');

    const rows: Row[] = [];
    rates.forEach((rate, r) => {
      for (const kind of KINDS) {
        const measured = summarize(withDashboard[r]!.ms[kind], 1);
        const base = summarize(without[r]!.ms[kind], 1);
        const added = measured.p50 / base.p50 - 1;
        const failed = withDashboard[r]!.failed + without[r]!.failed;
        const driftRows = drift.rowCount ?? 0;
        rows.push({
          what: `agent write at ${rate}/s${rate === AGENT_RATE ? ' (its rate)' : ' (10×)'}: ${kind}`,
          at,
          measured,
          naive: null,
          bar: WRITE_COST_BAR,
          pass: added <= 0.3 && failed === 0 && driftRows === 0,
          note:
            `${added >= 0 ? '+' : ''}${Math.round(added * 100)}% on ${formatMs(base.p50)} (p95 ${formatMs(base.p95)}) without` +
            (failed ? `, ${failed} failed` : '') +
            (driftRows ? `, ${driftRows} rows drift` : ''),
          details: {
            without: base,
            failed,
            drift: drift.rows.slice(0, 20),
            rollupCheckMs: checkMs,
            removed,
          },
        });
      }
    });
    return rows;
  } finally {
    await pool.end();
  }
}
