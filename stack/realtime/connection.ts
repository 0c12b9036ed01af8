import WebSocket from 'ws';
import { verifyToken } from '../auth/tokens';
import { API_ROLES, type ApiRole, type Subscriber, subscriberFor } from './authorizer';
import {
  BindingError,
  parseBindingSpecs,
  resolveBinding,
  type Binding,
  type PublishedTable,
} from './bindings';
import {
  FrameError,
  PHOENIX_TOPIC,
  decodeFrame,
  encodeFrame,
  isPlainObject,
  push,
  reply,
  type Frame,
  type Ref,
  type Vsn,
} from './protocol';

// One client socket: its frames are handled strictly in order (a join finishes before the leave
// that follows it), and each joined topic is a channel with its bindings and its subscriber.

export const CHANNEL_PREFIX = 'realtime:';
/** As Supabase Realtime's default per-connection limit. */
const MAX_CHANNELS = 100;
/** Phoenix closes a socket that sent nothing (not even a heartbeat) for this long. */
export const IDLE_TIMEOUT_MS = 60_000;
/** Frames (up to 1 MiB each) waiting their turn: bounded in number and in bytes per socket. */
const MAX_PENDING_FRAMES = 1000;
const MAX_PENDING_BYTES = 4 * 1024 * 1024;
/** A client this far behind on reading is dropped rather than buffered without end. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export interface Channel {
  topic: string;
  joinRef: Ref;
  bindings: Binding[];
  subscriber: Subscriber;
  /** When the channel's token expires (ms since the epoch), if it does. */
  expiresAt?: number;
}

export interface ConnectionContext {
  jwtSecret: string;
  /** Whether the replication stream is up: without it a postgres_changes join would miss changes. */
  streaming(): boolean;
  publishedTables(): Promise<PublishedTable[]>;
  nextBindingId(): number;
  log(line: string): void;
}

class JoinError extends Error {}

/** The verified claims of a token, or a JoinError with the reason realtime-js will report. */
async function authenticate(
  token: string | undefined,
  secret: string,
): Promise<Pick<Channel, 'subscriber' | 'expiresAt'>> {
  if (!token) throw new JoinError('no access token: send access_token or an apikey');
  let claims: Record<string, unknown>;
  try {
    claims = await verifyToken(token, secret);
  } catch (error) {
    throw new JoinError((error as Error).message);
  }
  const role = claims.role;
  if (!(API_ROLES as readonly unknown[]).includes(role))
    throw new JoinError(`invalid JWT: role ${JSON.stringify(role)} is not an API role`);
  return {
    subscriber: subscriberFor(role as ApiRole, claims),
    ...(typeof claims.exp === 'number' ? { expiresAt: claims.exp * 1000 } : {}),
  };
}

export class Connection {
  readonly channels = new Map<string, Channel>();
  private lastSeen = Date.now();
  private queue = Promise.resolve();
  private pending = 0;
  private pendingBytes = 0;

  constructor(
    private readonly ws: WebSocket,
    private readonly vsn: Vsn,
    private readonly apikey: string | undefined,
    private readonly context: ConnectionContext,
  ) {
    ws.on('message', (data, isBinary) => this.receive(data as Buffer, isBinary));
    // ws reports protocol errors (oversized frame, bad UTF-8) here and then closes the socket.
    ws.on('error', () => undefined);
  }

  private receive(data: Buffer, isBinary: boolean) {
    this.lastSeen = Date.now();
    if (isBinary) return this.closeSocket(1003, 'binary frames are not supported');
    let frame: Frame;
    try {
      frame = decodeFrame(this.vsn, data.toString('utf8'));
    } catch (error) {
      const reason = error instanceof FrameError ? error.message : 'unreadable';
      return this.closeSocket(1007, `malformed frame: ${reason}`);
    }
    // Frames wait for the ones before them; a client that floods faster than that is cut off.
    this.pending += 1;
    this.pendingBytes += data.length;
    if (this.pending > MAX_PENDING_FRAMES || this.pendingBytes > MAX_PENDING_BYTES)
      return this.closeSocket(1008, 'too many frames');
    this.queue = this.queue
      .then(() => this.handle(frame))
      .catch((error: unknown) => {
        this.context.log(`closing a socket after an error: ${(error as Error).message}`);
        this.closeSocket(1011, 'internal error');
      })
      .finally(() => {
        this.pending--;
        this.pendingBytes -= data.length;
      });
  }

  /** A close frame's reason is limited to 123 bytes (the reasons here are ASCII). */
  private closeSocket(code: number, reason: string) {
    this.ws.close(code, reason.slice(0, 123));
  }

  send(frame: Frame) {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) return this.ws.terminate();
    this.ws.send(encodeFrame(this.vsn, frame));
  }

  private async handle(frame: Frame) {
    if (frame.topic === PHOENIX_TOPIC) {
      const ok = frame.event === 'heartbeat';
      return this.send(
        ok ? reply(frame, 'ok') : reply(frame, 'error', { reason: 'unmatched topic' }),
      );
    }
    if (frame.event === 'phx_join') return this.join(frame);
    const channel = this.channels.get(frame.topic);
    if (frame.event === 'phx_leave') {
      // A leave for an earlier join of the topic (stale join_ref) leaves the current one alone.
      if (channel && (frame.joinRef === null || frame.joinRef === channel.joinRef))
        this.channels.delete(frame.topic);
      return this.send(reply(frame, 'ok'));
    }
    if (!channel) return this.send(reply(frame, 'error', { reason: 'unmatched topic' }));
    if (frame.event === 'access_token') return this.refreshToken(channel, frame);
    this.send(
      reply(frame, 'error', {
        reason: `"${frame.event}" is not supported by the local stack (postgres_changes only)`,
      }),
    );
  }

  private async join(frame: Frame) {
    const { topic, payload } = frame;
    // Joining a joined topic again replaces the channel, as Phoenix does.
    this.channels.delete(topic);
    try {
      if (!topic.startsWith(CHANNEL_PREFIX)) throw new JoinError('unmatched topic');
      if (this.channels.size >= MAX_CHANNELS)
        throw new JoinError(`too many channels on one connection (at most ${MAX_CHANNELS})`);
      const config = payload.config ?? {};
      if (!isPlainObject(config)) throw new JoinError('config must be an object');
      const specs = parseBindingSpecs(config.postgres_changes);
      const token =
        typeof payload.access_token === 'string' && payload.access_token !== ''
          ? payload.access_token
          : this.apikey;
      const auth = await authenticate(token, this.context.jwtSecret);

      let bindings: Binding[] = [];
      if (specs.length > 0) {
        if (!this.context.streaming())
          throw new JoinError('Realtime is reconnecting to the database; retrying shortly');
        const published = await this.context.publishedTables();
        bindings = specs.map((spec) =>
          resolveBinding(spec, this.context.nextBindingId(), published),
        );
      }
      this.channels.set(topic, { topic, joinRef: frame.joinRef, bindings, ...auth });
      const postgres_changes = bindings.map(({ id, event, schema, table, filter }) => ({
        id,
        event,
        schema,
        table,
        filter,
      }));
      this.send(reply(frame, 'ok', { postgres_changes }));
      // What Realtime says once the subscription is live; realtime-js shows it to `system` listeners.
      if (bindings.length > 0)
        this.send(
          push(topic, frame.joinRef, 'system', {
            extension: 'postgres_changes',
            status: 'ok',
            message: 'Subscribed to PostgreSQL',
            channel: topic.slice(CHANNEL_PREFIX.length),
          }),
        );
    } catch (error) {
      if (!(error instanceof JoinError || error instanceof BindingError)) throw error;
      this.send(reply(frame, 'error', { reason: error.message }));
    }
  }

  /** realtime-js sends a refreshed session's token to every joined channel. */
  private async refreshToken(channel: Channel, frame: Frame) {
    const token = frame.payload.access_token;
    try {
      const auth = await authenticate(
        typeof token === 'string' ? token : undefined,
        this.context.jwtSecret,
      );
      if (this.channels.get(channel.topic) !== channel) return;
      channel.subscriber = auth.subscriber;
      channel.expiresAt = auth.expiresAt;
      this.send(reply(frame, 'ok'));
    } catch (error) {
      if (!(error instanceof JoinError)) throw error;
      this.closeChannel(channel, error.message);
    }
  }

  /**
   * Ends a channel from the server side as Realtime does: a `system` error message with the
   * reason, then `phx_close` (realtime-js reports CLOSED and does not rejoin by itself).
   */
  closeChannel(channel: Channel, reason: string) {
    if (this.channels.get(channel.topic) !== channel) return;
    this.channels.delete(channel.topic);
    const { topic, joinRef } = channel;
    this.send(
      push(topic, joinRef, 'system', {
        extension: 'system',
        status: 'error',
        message: reason,
        channel: topic.slice(CHANNEL_PREFIX.length),
      }),
    );
    this.send(push(topic, joinRef, 'phx_close', {}));
  }

  /**
   * The replication stream was lost: channels listening to changes error (phx_error), so
   * realtime-js rejoins them and, on SUBSCRIBED again, the app refetches what it missed.
   */
  errorPostgresChannels() {
    for (const channel of [...this.channels.values()]) {
      if (channel.bindings.length === 0) continue;
      this.channels.delete(channel.topic);
      this.send(push(channel.topic, channel.joinRef, 'phx_error', {}));
    }
  }

  /** Periodic upkeep: drop an idle socket, end channels whose token has expired. */
  sweep(now: number) {
    if (now - this.lastSeen > IDLE_TIMEOUT_MS) return this.closeSocket(1000, 'heartbeat timeout');
    for (const channel of [...this.channels.values()])
      if (channel.expiresAt !== undefined && channel.expiresAt <= now)
        this.closeChannel(channel, 'invalid JWT: token is expired');
  }

  /** Closes the socket; resolves once it is closed (forcibly after a second). */
  close(code: number, reason: string): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.ws.terminate(), 1000);
      this.ws.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.closeSocket(code, reason);
    });
  }
}
