import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import pg from 'pg';
import { WebSocketServer } from 'ws';
import { failUpgrade, refuseUpgrade, requestUrl } from '../http';
import { Authorizer, type Subscriber } from './authorizer';
import { bindingMatches, type PublishedTable } from './bindings';
import { Connection, type Channel, type ConnectionContext } from './connection';
import { parseVsn, push } from './protocol';
import { PUBLICATION, startReplication, type Change } from './replication';
import { changeData } from './values';

// The local stack's Supabase Realtime (DESIGN §5): a Phoenix-channel WebSocket server at
// /realtime/v1/websocket that delivers postgres_changes from logical replication to the
// subscribers allowed to see each row. The gateway checks the apikey and hands upgrades here.

/** Larger frames close the socket (ws answers with 1009); realtime-js never sends anything near it. */
const MAX_FRAME_BYTES = 1024 * 1024;
const SWEEP_INTERVAL_MS = 10_000;

export interface RealtimeOptions {
  dbUrl: string;
  jwtSecret: string;
  log?: (line: string) => void;
}

export interface RealtimeServer {
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every socket (clients reconnect to the next stack) and the replication stream. */
  stop(): Promise<void>;
}

/** Starts once the replication stream is up, so no change after the start is missed. */
export async function startRealtime(options: RealtimeOptions): Promise<RealtimeServer> {
  let stopped = false;
  // Quiet once stopping: work cut short by the shutdown is no news.
  const log = (line: string) => !stopped && options.log?.(line);
  // Authorisation checks and catalog reads; replication has its own connection.
  const pool = new pg.Pool({
    connectionString: options.dbUrl,
    max: 4,
    application_name: 'outreach_realtime_auth',
  });
  pool.on('error', () => undefined); // idle clients die with Postgres; the next checkout reconnects
  const authorizer = new Authorizer(pool, log);
  const connections = new Set<Connection>();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    clientTracking: false,
  });
  let nextBindingId = 0;
  let delivering: Promise<void> = Promise.resolve();

  /** Finds the channels a change is for, asks who may see it, and sends it to them. */
  async function deliver(change: Change) {
    const now = Date.now();
    const targets: { connection: Connection; channel: Channel; key: string; ids: number[] }[] = [];
    for (const connection of connections) {
      for (const channel of connection.channels.values()) {
        if (channel.expiresAt !== undefined && channel.expiresAt <= now) continue;
        const ids = channel.bindings.filter((b) => bindingMatches(b, change)).map((b) => b.id);
        if (ids.length > 0) targets.push({ connection, channel, key: channel.subscriber.key, ids });
      }
    }
    if (targets.length === 0) return;
    const subscribers = new Map<string, Subscriber>(
      targets.map((t) => [t.key, t.channel.subscriber]),
    );
    const allowed = await authorizer.allowed(change, [...subscribers.values()]);
    const data = changeData(change);
    for (const { connection, channel, key, ids } of targets) {
      // Skip channels that left, or changed token, while the check ran: it was for other claims.
      if (!allowed.has(key) || channel.subscriber.key !== key) continue;
      if (connection.channels.get(channel.topic) !== channel) continue;
      connection.send(push(channel.topic, channel.joinRef, 'postgres_changes', { ids, data }));
    }
  }

  const context: ConnectionContext = {
    jwtSecret: options.jwtSecret,
    streaming: () => replication.streaming,
    nextBindingId: () => ++nextBindingId,
    log,
    async publishedTables() {
      const { rows } = await pool.query<{
        schema: string;
        table: string;
        column: string;
        type: string;
      }>(
        `select pt.schemaname as schema, pt.tablename as table, a.attname as column, t.typname as type
           from pg_publication_tables pt
           join pg_namespace n on n.nspname = pt.schemaname
           join pg_class c on c.relnamespace = n.oid and c.relname = pt.tablename
           join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
           join pg_type t on t.oid = a.atttypid
          where pt.pubname = $1`,
        [PUBLICATION],
      );
      const tables = new Map<string, PublishedTable>();
      for (const row of rows) {
        const id = JSON.stringify([row.schema, row.table]);
        let table = tables.get(id);
        if (!table)
          tables.set(id, (table = { schema: row.schema, table: row.table, columns: new Map() }));
        table.columns.set(row.column, row.type);
      }
      return [...tables.values()];
    },
  };

  const replication = await startReplication({
    connectionString: options.dbUrl,
    pool,
    onChange: (change) => (delivering = deliver(change)),
    onStatus: (streaming) => {
      if (streaming) return log('replication stream back; clients rejoin and refetch');
      for (const connection of connections) connection.errorPostgresChannels();
    },
    log,
  }).catch(async (error: unknown) => {
    await pool.end().catch(() => undefined);
    throw error;
  });

  const sweep = setInterval(() => {
    const now = Date.now();
    for (const connection of connections) connection.sweep(now);
  }, SWEEP_INTERVAL_MS);
  sweep.unref();

  return {
    upgrade(req, socket, head) {
      socket.on('error', () => socket.destroy()); // a client gone mid-handshake is no server error
      if (stopped) return void socket.destroy();
      try {
        const url = requestUrl(req);
        const vsn = parseVsn(url.searchParams.get('vsn'));
        if (!vsn) return refuseUpgrade(socket, 400, 'Unsupported vsn: use 1.0.0 or 2.0.0');
        const header = req.headers.apikey;
        const apikey =
          (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('apikey');
        wss.handleUpgrade(req, socket, head, (ws) => {
          if (stopped) return ws.terminate();
          const connection = new Connection(ws, vsn, apikey ?? undefined, context);
          connections.add(connection);
          ws.on('close', () => connections.delete(connection));
        });
      } catch (error) {
        failUpgrade(socket, error, log);
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(sweep);
      await Promise.all([...connections].map((c) => c.close(1001, 'server shutting down')));
      await replication.stop();
      await delivering.catch(() => undefined);
      await pool.end().catch(() => undefined);
    },
  };
}
