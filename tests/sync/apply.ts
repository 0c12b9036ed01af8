import type pg from 'pg';
import type { NumberedOp, Op, Step } from './model';
import type { LiveTable } from './settle';
import type { World } from './world';

const TABLE: Record<Op['kind'], LiveTable> = {
  'chat.insert': 'chat_history',
  'chat.update': 'chat_history',
  'chat.delete': 'chat_history',
  'call.insert': 'calls',
  'call.update': 'calls',
  'call.delete': 'calls',
  'session.insert': 'sessions',
  'session.update': 'sessions',
  'session.delete': 'sessions',
  'number.insert': 'numbers',
  'number.delete': 'numbers',
};

// Writes operations as the agent does: plain SQL as the database owner (RLS does not apply, as
// with the agent's service key), a burst in one transaction, defaults (`now()`) for the times.

export class Applier {
  /** The database id of each message and numbers row, by the generator's handle. */
  readonly messageIds = new Map<number, number>();
  readonly numberIds = new Map<number, number>();
  /** Row changes written to each live table: realtime owes one event for each (if published). */
  changes: Record<LiveTable, number> = { chat_history: 0, calls: 0, sessions: 0, numbers: 0 };

  constructor(
    private readonly db: pg.Client,
    readonly world: World,
  ) {}

  /** The generator's handle of a message, by its database id. */
  messageHandle(id: number): number | undefined {
    for (const [handle, dbId] of this.messageIds) if (dbId === id) return handle;
    return undefined;
  }

  /** Events realtime owes on the tables it publishes. */
  expectedEvents(unpublished: readonly LiveTable[]): number {
    return Object.entries(this.changes).reduce(
      (sum, [table, n]) => (unpublished.includes(table as LiveTable) ? sum : sum + n),
      0,
    );
  }

  async apply(step: Pick<Step, 'ops' | 'transaction'>): Promise<void> {
    if (!step.transaction) {
      for (const op of step.ops) await this.write(op);
      return;
    }
    await this.db.query('begin');
    const before = { ...this.changes };
    try {
      for (const op of step.ops) await this.write(op);
      await this.db.query('commit');
    } catch (error) {
      this.changes = before;
      await this.db.query('rollback');
      throw error;
    }
  }

  private async write({ n, op }: NumberedOp): Promise<void> {
    const result = await this.db.query(...this.sql(op)).catch((error: Error) => {
      throw new Error(`harness: operation #${n} (${op.kind}) failed: ${error.message}`);
    });
    if (result.rowCount !== 1)
      throw new Error(`harness: operation #${n} (${op.kind}) changed ${result.rowCount} rows`);
    this.changes[TABLE[op.kind]] += 1;
    if (op.kind === 'chat.insert') this.messageIds.set(op.handle, Number(result.rows[0].id));
    if (op.kind === 'number.insert') this.numberIds.set(op.row.handle, Number(result.rows[0].id));
  }

  private sql(op: Op): [string, unknown[]] {
    const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
    switch (op.kind) {
      case 'chat.insert':
        return [
          'insert into public.chat_history (session_id, message) values ($1, $2::jsonb) returning id',
          [op.session, json(op.message)],
        ];
      case 'chat.update':
        return [
          'update public.chat_history set message = $2::jsonb where id = $1',
          [this.messageIds.get(op.handle), json(op.message)],
        ];
      case 'chat.delete':
        return ['delete from public.chat_history where id = $1', [this.messageIds.get(op.handle)]];
      case 'call.insert':
        return [
          `insert into public.calls (call_id, session_id, phone_number, called_at, duration, status, transcript, recording_url, analysis)
           values ($1, $2, $3, now() - make_interval(secs => $4), $5, $6, $7, $8, $9::jsonb)`,
          [
            op.call.callId,
            op.call.session,
            op.call.phoneForm,
            op.call.calledAgoSeconds,
            op.call.duration,
            op.call.status,
            op.call.transcript,
            op.call.recordingUrl,
            json(op.call.analysis),
          ],
        ];
      case 'call.update': {
        // Only the columns the agent changes: the others (a TOASTed transcript) stay out of the
        // UPDATE, so realtime leaves them out of its payload.
        const columns = {
          duration: 'duration',
          status: 'status',
          transcript: 'transcript',
          recordingUrl: 'recording_url',
          analysis: 'analysis',
        } as const;
        const entries = Object.entries(op.set) as [keyof typeof columns, unknown][];
        const assignments = entries.map(
          ([key], i) => `${columns[key]} = $${i + 2}${key === 'analysis' ? '::jsonb' : ''}`,
        );
        return [
          `update public.calls set ${assignments.join(', ')} where call_id = $1`,
          [op.callId, ...entries.map(([key, value]) => (key === 'analysis' ? json(value) : value))],
        ];
      }
      case 'call.delete':
        return ['delete from public.calls where call_id = $1', [op.callId]];
      case 'session.insert':
        return [
          `insert into public.sessions (session_id, phone_number, campaign, status, objectives)
           values ($1, $2, $3, $4, $5::jsonb)`,
          [op.session, op.row.phoneForm, op.row.campaign, op.row.status, json(op.row.objectives)],
        ];
      case 'session.update': {
        const sets = ['updated_at = now()'];
        const values: unknown[] = [op.session];
        if (op.set.status !== undefined) {
          values.push(op.set.status);
          sets.push(`status = $${values.length}`);
        }
        if (op.set.objectives !== undefined) {
          values.push(json(op.set.objectives));
          sets.push(`objectives = $${values.length}::jsonb`);
        }
        return [`update public.sessions set ${sets.join(', ')} where session_id = $1`, values];
      }
      case 'session.delete':
        return ['delete from public.sessions where session_id = $1', [op.session]];
      case 'number.insert':
        return [
          'insert into public.numbers (phone_number, session_id, campaign) values ($1, $2, $3) returning id',
          [op.row.phoneForm, op.row.session, op.row.campaign],
        ];
      case 'number.delete':
        return ['delete from public.numbers where id = $1', [this.numberIds.get(op.handle)]];
    }
  }
}

/** The app's candidates for this run's phones (the names the screens must show). */
export async function insertCandidates(db: pg.Client, world: World): Promise<void> {
  for (const phone of world.phones) {
    if (!phone.candidateName) continue;
    await db.query(
      `insert into public.candidates (full_name, phone_number, campaign, stage) values ($1, $2, 'Plumber - London', 'contacted')`,
      [phone.candidateName, phone.e164],
    );
  }
}

/** Deletes every row this run wrote (by its prefix and phones), so other test files count right. */
export async function cleanUp(db: pg.Client, world: World): Promise<void> {
  const like = `${world.prefix.replace(/_/g, '\\_')}%`;
  await db.query('delete from public.chat_history where session_id like $1', [like]);
  await db.query('delete from public.calls where session_id like $1 or call_id like $1', [like]);
  await db.query('delete from public.numbers where session_id like $1', [like]);
  await db.query('delete from public.sessions where session_id like $1', [like]);
  await db.query('delete from public.candidates where phone_number = any($1)', [
    world.phones.map((p) => p.e164),
  ]);
}
