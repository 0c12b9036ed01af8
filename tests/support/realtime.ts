import { once } from 'node:events';
import {
  RealtimeClient,
  type RealtimeChannel,
  type RealtimePostgresChangesPayload,
  type SupabaseClient,
} from '@supabase/supabase-js';
import { SignJWT } from 'jose';
import type pg from 'pg';
import WebSocket from 'ws';
import { stackInfo } from './clients';

// Helpers for tests of the local stack's realtime server (stack/realtime).

type Row = Record<string, unknown>;

/** Polls until `check` returns something truthy; fails with `what` after the timeout. */
export async function waitFor<T>(
  check: () => T | undefined | null | false,
  what: string,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A postgres_changes callback's payload, with `new` and `old` as plain rows (`{}` when none). */
export type ChangeEvent = Omit<RealtimePostgresChangesPayload<Row>, 'new' | 'old'> & {
  new: Row;
  old: Row;
  receivedAt: number;
};

export interface Subscription {
  channel: RealtimeChannel;
  events: ChangeEvent[];
  statuses: { status: string; error?: string }[];
  /** Resolves on SUBSCRIBED; rejects on the first CHANNEL_ERROR or TIMED_OUT. */
  joined: Promise<void>;
}

export interface ChangesFilter {
  event?: '*' | 'INSERT' | 'UPDATE' | 'DELETE';
  table?: string;
  filter?: string;
}

/** A postgres_changes subscription through an official client (supabase-js or realtime-js). */
export function subscribe(
  client: SupabaseClient | RealtimeClient,
  { event = '*', table = 'chat_history', filter }: ChangesFilter = {},
  name = `test-${Math.random().toString(36).slice(2)}`,
): Subscription {
  const events: Subscription['events'] = [];
  const statuses: Subscription['statuses'] = [];
  const channel = client
    .channel(name)
    .on(
      'postgres_changes',
      { event: event as '*', schema: 'public', table, ...(filter ? { filter } : {}) },
      (payload: RealtimePostgresChangesPayload<Row>) =>
        events.push({ ...(payload as Omit<ChangeEvent, 'receivedAt'>), receivedAt: Date.now() }),
    );
  const joined = new Promise<void>((resolve, reject) => {
    channel.subscribe((status, error) => {
      statuses.push({ status, ...(error ? { error: error.message } : {}) });
      if (status === 'SUBSCRIBED') resolve();
      else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT')
        reject(new Error(`${status}: ${error?.message ?? ''}`));
    });
  });
  joined.catch(() => undefined); // tests that expect a refusal read `statuses`
  return { channel, events, statuses, joined };
}

/** realtime-js on its own socket, with a given token (what supabase-js does after sign-in). */
export async function realtimeClient(token?: string, vsn?: '1.0.0' | '2.0.0') {
  const { apiUrl, anonKey } = stackInfo();
  const client = new RealtimeClient(`${apiUrl}/realtime/v1`, {
    params: { apikey: anonKey },
    transport: WebSocket as never,
    ...(vsn ? { vsn } : {}),
  });
  if (token) await client.setAuth(token);
  return client;
}

export async function accessToken(client: SupabaseClient): Promise<string> {
  const { data } = await client.auth.getSession();
  if (!data.session) throw new Error('not signed in');
  return data.session.access_token;
}

/** A token signed with the stack's secret (or another), for refusals. */
export function signToken(claims: Record<string, unknown>, secret = stackInfo().jwtSecret) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(secret));
}

/** Writes a chat message as the agent does (directly, bypassing row-level security). */
export async function insertMessage(db: pg.Client, sessionId: string, text: string) {
  const { rows } = await db.query<{ id: string }>(
    'insert into public.chat_history (session_id, message) values ($1, $2) returning id',
    [sessionId, { type: 'human', content: text }],
  );
  return Number(rows[0]!.id);
}

export interface RawSocket {
  ws: WebSocket;
  messages: unknown[];
  closed: Promise<{ code: number; reason: string }>;
  send(frame: unknown): void;
  /** The first message (in arrival order) that `match` accepts. */
  next(match: (message: unknown) => boolean, what: string, timeoutMs?: number): Promise<unknown>;
}

/** A bare WebSocket speaking the Phoenix protocol by hand, for what official clients never send. */
export async function rawSocket(
  query: Record<string, string> = { vsn: '2.0.0', apikey: stackInfo().anonKey },
): Promise<RawSocket> {
  const url = new URL(`${stackInfo().apiUrl.replace(/^http/, 'ws')}/realtime/v1/websocket`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const ws = new WebSocket(url);
  const messages: unknown[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(data.toString())));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await once(ws, 'open');
  return {
    ws,
    messages,
    closed,
    send: (frame) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    next: (match, what, timeoutMs) => waitFor(() => messages.find(match), what, timeoutMs),
  };
}
