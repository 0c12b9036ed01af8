import type pg from 'pg';
import { LogicalReplicationService, PgoutputPlugin, type Pgoutput } from 'pg-logical-replication';
import type { RawRow } from './values';

// Row changes from Postgres logical replication: pgoutput over publication supabase_realtime, as
// Supabase Realtime reads them. The slot is TEMPORARY: Postgres drops it when this connection
// ends, however it ends (stop, crash, Postgres restart), so no forgotten slot ever holds WAL back.
// Changes made while no slot exists are not replayed: clients refetch on (re)subscribe (DESIGN §2).

export const PUBLICATION = 'supabase_realtime';
export const SLOT_PREFIX = 'outreach_realtime';

export interface Change {
  schema: string;
  table: string;
  type: 'INSERT' | 'UPDATE' | 'DELETE';
  /** When the transaction committed, ISO 8601. */
  commitTimestamp: string;
  columns: { name: string; type: string }[];
  /** The replica identity: the primary key for the dashboard's tables. */
  keyColumns: string[];
  /** The new row (INSERT, UPDATE). */
  record: RawRow | null;
  /** The old row's key (UPDATE, DELETE); the whole old row under REPLICA IDENTITY FULL. */
  old: RawRow | null;
}

export interface ReplicationOptions {
  connectionString: string;
  /** For type names (pg_type) of the columns a relation message lists by OID. */
  pool: pg.Pool;
  /** Awaited before the next message is read: changes reach subscribers in commit order. */
  onChange: (change: Change) => Promise<void>;
  /** The stream was lost (false) and is reconnecting, or is back (true). */
  onStatus: (streaming: boolean) => void;
  log: (line: string) => void;
}

export interface ReplicationSource {
  readonly streaming: boolean;
  stop(): Promise<void>;
}

/** Reconnect delays after consecutive failures: quick at first (a Postgres restart takes seconds). */
const BACKOFF_MS = [250, 500, 1000, 2000, 5000];

/**
 * pgoutput's parser runs each column's text through pg's global type parsers (timestamptz → Date,
 * …); the raw text is kept instead, so values reach clients as Postgres wrote them (values.ts).
 * The slot is created on the replication connection itself, which a temporary slot requires.
 */
class TemporarySlotPgoutput extends PgoutputPlugin {
  constructor(private readonly slot: string) {
    super({ protoVersion: 1, publicationNames: [PUBLICATION] });
  }

  override parse(buffer: Buffer): Pgoutput.Message {
    const message = super.parse(buffer);
    if (message.tag === 'relation')
      for (const column of message.columns) column.parser = (raw: unknown) => raw;
    return message;
  }

  override async start(client: pg.Client, slotName: string, lastLsn: string) {
    await client.query(
      `CREATE_REPLICATION_SLOT "${this.slot}" TEMPORARY LOGICAL pgoutput (SNAPSHOT 'nothing')`,
    );
    return super.start(client, slotName, lastLsn);
  }
}

interface RelationInfo {
  columns: { name: string; type: string }[];
}

export async function startReplication(options: ReplicationOptions): Promise<ReplicationSource> {
  const { log } = options;
  const typeNames = new Map<number, string>(); // OIDs of built-in and existing types never change meaning
  let service: LogicalReplicationService | undefined;
  let attempt = 0;
  let failures = 0;
  let streaming = false;
  let stopping = false;
  let retryTimer: NodeJS.Timeout | undefined;

  async function resolveTypes(oids: number[]) {
    const missing = oids.filter((oid) => !typeNames.has(oid));
    if (missing.length === 0) return;
    const { rows } = await options.pool.query<{ oid: number; typname: string }>(
      'select oid::int as oid, typname from pg_type where oid = any($1::oid[])',
      [missing],
    );
    for (const row of rows) typeNames.set(row.oid, row.typname);
  }

  function connect(first: (error?: Error) => void) {
    const id = ++attempt;
    const slot = `${SLOT_PREFIX}_${process.pid}_${id}`;
    const relations = new Map<number, RelationInfo>();
    let commitTimestamp = new Date().toISOString();
    let ended = false;

    const handle = async (message: Pgoutput.Message) => {
      switch (message.tag) {
        case 'begin':
          commitTimestamp = new Date(Number((message.commitTime as bigint) / 1000n)).toISOString();
          return;
        case 'relation': {
          // Without type names values still arrive, only unconverted: better than losing changes.
          await resolveTypes(message.columns.map((c) => c.typeOid)).catch((error: Error) =>
            log(`could not read column types of ${message.name}: ${error.message}`),
          );
          relations.set(message.relationOid, {
            columns: message.columns.map((c) => ({
              name: c.name,
              type: c.typeName ?? typeNames.get(c.typeOid) ?? 'unknown',
            })),
          });
          return;
        }
        case 'insert':
        case 'update':
        case 'delete': {
          const { relation } = message;
          const keyColumns = relation.keyColumns;
          const record = message.tag === 'delete' ? null : (message.new as RawRow);
          let old: RawRow | null = null;
          if (message.tag !== 'insert') old = (message.old ?? message.key) as RawRow | null;
          // An UPDATE that kept its key carries no old tuple: the key is the new row's.
          if (message.tag === 'update' && !old && record)
            old = Object.fromEntries(keyColumns.map((k) => [k, record[k]]));
          await options.onChange({
            schema: relation.schema,
            table: relation.name,
            type: message.tag.toUpperCase() as Change['type'],
            commitTimestamp,
            columns: relations.get(relation.relationOid)?.columns ?? [],
            keyColumns,
            record,
            old,
          });
          return;
        }
        default:
          return; // truncate, origin, type, logical messages: nothing realtime delivers
      }
    };

    const lost = (error: unknown) => {
      if (ended || id !== attempt) return;
      ended = true;
      const wasStreaming = streaming;
      void current.stop().catch(() => undefined);
      if (stopping) return;
      if (!wasStreaming && failures === 0 && id === 1) {
        first(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (wasStreaming) {
        streaming = false;
        log(`replication stream lost (${(error as Error)?.message ?? error}); reconnecting`);
        options.onStatus(false);
      }
      const delay = BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)]!;
      failures++;
      retryTimer = setTimeout(() => connect(() => undefined), delay);
    };

    const current = new LogicalReplicationService(
      { connectionString: options.connectionString, application_name: SLOT_PREFIX },
      // Flow control awaits each message's handler (and so each delivery) before the next.
      { acknowledge: { auto: true, timeoutSeconds: 10 }, flowControl: { enabled: true } },
    );
    service = current;
    current.on('data', (_lsn: string, message: Pgoutput.Message) =>
      handle(message).catch((error: unknown) =>
        log(`could not process a change: ${(error as Error).message}`),
      ),
    );
    current.on('start', () => {
      if (id !== attempt || stopping) return;
      streaming = true;
      failures = 0;
      if (id > 1) options.onStatus(true);
      first();
    });
    current.on('error', lost);
    current
      .subscribe(new TemporarySlotPgoutput(slot), slot)
      .then(() => lost(new Error('replication ended')), lost);
  }

  await new Promise<void>((resolve, reject) =>
    connect((error) => (error ? reject(error) : resolve())),
  ).catch((error: Error) => {
    throw new Error(`Realtime could not start logical replication: ${error.message}`);
  });

  return {
    get streaming() {
      return streaming;
    },
    async stop() {
      stopping = true;
      clearTimeout(retryTimer);
      streaming = false;
      await service?.stop().catch(() => undefined);
    },
  };
}
