import { randomUUID } from 'node:crypto';
import type { RealtimeClient, SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEMO_STAFF } from '../../stack/demo';
import { newClient, signedInClient, stackInfo, strangerClient, withDb } from '../support/clients';
import {
  accessToken,
  insertMessage,
  pause,
  rawSocket,
  realtimeClient,
  signToken,
  subscribe,
  waitFor,
} from '../support/realtime';

// The local stack's realtime server (DESIGN §5, issue 4) through the official clients.
// Other test files write to the same tables meanwhile, so each test uses its own session ids.

const [recruiter, ops] = DEMO_STAFF;
const newSession = (label: string) => `rt_${label}_${randomUUID().slice(0, 8)}`;
const ids = (events: { new: Record<string, unknown> }[]) => events.map((e) => e.new.id);

let staff: SupabaseClient;
const cleanups: (() => unknown)[] = [];

beforeAll(async () => {
  staff = await signedInClient(recruiter!.email);
});

afterAll(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()));
  await staff.removeAllChannels();
});

function track<T extends SupabaseClient | RealtimeClient>(client: T): T {
  cleanups.push(() =>
    'auth' in client ? client.removeAllChannels() : (client as RealtimeClient).disconnect(),
  );
  return client;
}

describe('realtime postgres_changes (DESIGN §2, §5)', () => {
  it('staff receive an INSERT into chat_history within a second, in PostgREST shapes', async () => {
    const session = newSession('insert');
    const sub = subscribe(staff, { event: 'INSERT', filter: `session_id=eq.${session}` });
    await sub.joined;
    const sentAt = Date.now();
    const id = await withDb((db) => insertMessage(db, session, 'Yes still looking'));
    const event = await waitFor(() => sub.events[0], 'the INSERT', 1000);
    expect(event.receivedAt - sentAt).toBeLessThan(1000);
    expect(event).toMatchObject({
      schema: 'public',
      table: 'chat_history',
      eventType: 'INSERT',
      old: {},
      errors: null,
    });
    // The same row through PostgREST: realtime's values convert to exactly these.
    const { data } = await staff.from('chat_history').select('*').eq('id', id).single();
    expect(event.new).toEqual(data);
    expect(typeof event.commit_timestamp).toBe('string');
  });

  it('an eq filter delivers only its session; an in filter its sessions; one socket, two channels', async () => {
    const [a, b, c] = [newSession('a'), newSession('b'), newSession('c')];
    const onlyA = subscribe(staff, { event: 'INSERT', filter: `session_id=eq.${a}` });
    const aOrC = subscribe(staff, { event: 'INSERT', filter: `session_id=in.(${a},${c})` });
    await Promise.all([onlyA.joined, aOrC.joined]);
    const written = await withDb(async (db) => ({
      a: await insertMessage(db, a, 'for a'),
      b: await insertMessage(db, b, 'for b'),
      c: await insertMessage(db, c, 'for c'),
    }));
    await waitFor(() => aOrC.events.length >= 2 && onlyA.events.length >= 1, 'both channels');
    await pause(200); // anything wrongly delivered would have arrived by now
    expect(ids(onlyA.events)).toEqual([written.a]);
    expect(ids(aOrC.events)).toEqual([written.a, written.c]);
  });

  it('UPDATE and DELETE arrive with their eventType, and old carries the primary key', async () => {
    const session = newSession('update');
    const sub = subscribe(staff, { event: '*' });
    await sub.joined;
    const id = await withDb(async (db) => {
      const row = await insertMessage(db, session, 'first');
      await db.query('update public.chat_history set message = $2 where id = $1', [
        row,
        { type: 'human', content: 'edited' },
      ]);
      await db.query('delete from public.chat_history where id = $1', [row]);
      return row;
    });
    const forRow = () =>
      sub.events.filter((e) => e.new.id === id || (e.eventType === 'DELETE' && e.old.id === id));
    await waitFor(() => forRow().length === 3, 'INSERT, UPDATE and DELETE');
    const [inserted, updated, deleted] = forRow();
    expect(inserted!.eventType).toBe('INSERT');
    expect(updated).toMatchObject({
      eventType: 'UPDATE',
      new: { id, session_id: session, message: { type: 'human', content: 'edited' } },
      old: { id },
    });
    expect(deleted).toMatchObject({ eventType: 'DELETE', new: {}, old: { id } });
  });

  it('sessions and calls changes arrive too (the other published tables)', async () => {
    const session = newSession('sessions');
    const sessions = subscribe(staff, { table: 'sessions', filter: `session_id=eq.${session}` });
    const calls = subscribe(staff, {
      table: 'calls',
      event: 'INSERT',
      filter: `session_id=eq.${session}`,
    });
    await Promise.all([sessions.joined, calls.joined]);
    await withDb(async (db) => {
      await db.query(
        `insert into public.sessions (session_id, status, objectives) values ($1, 'active', '{"replied": true}')`,
        [session],
      );
      await db.query(
        `update public.sessions set status = 'completed', updated_at = now() where session_id = $1`,
        [session],
      );
      await db.query(
        `insert into public.calls (call_id, session_id, duration, status, analysis, called_at)
         values ($1, $2, 95, 'completed', '{"summary": "Keen"}', now())`,
        [`call_${session}`, session],
      );
    });
    await waitFor(() => sessions.events.length === 2 && calls.events.length === 1, 'the changes');
    expect(sessions.events.map((e) => [e.eventType, e.new.status])).toEqual([
      ['INSERT', 'active'],
      ['UPDATE', 'completed'],
    ]);
    expect(sessions.events[0]!.new.objectives).toEqual({ replied: true });
    expect(calls.events[0]!.new).toMatchObject({ duration: 95, analysis: { summary: 'Keen' } });
  });
});

describe('realtime authorisation (DESIGN §6)', () => {
  it('anon and a signed-up non-staff user receive nothing while staff receive the row', async () => {
    const anon = track(newClient());
    const { client: stranger } = await strangerClient();
    track(stranger);
    const session = newSession('rls');
    const subs = {
      staff: subscribe(staff, { event: '*' }),
      anon: subscribe(anon, { event: '*' }),
      stranger: subscribe(stranger, { event: '*' }),
    };
    await Promise.all(Object.values(subs).map((s) => s.joined));
    const id = await withDb((db) => insertMessage(db, session, 'private'));
    await waitFor(() => subs.staff.events.some((e) => e.new.id === id), 'the staff delivery');
    await withDb((db) => db.query('delete from public.chat_history where id = $1', [id]));
    await waitFor(
      () => subs.staff.events.some((e) => e.eventType === 'DELETE' && e.old.id === id),
      'the staff DELETE',
    );
    await pause(300);
    expect(subs.anon.events).toEqual([]);
    expect(subs.stranger.events).toEqual([]);
  });

  it('adding and removing a staff member takes effect on the next change', async () => {
    const { client, email } = await strangerClient();
    track(client);
    const session = newSession('member');
    const sub = subscribe(client, { event: 'INSERT', filter: `session_id=eq.${session}` });
    await sub.joined;
    const setStaff = (member: boolean) =>
      withDb((db) =>
        member
          ? db.query(
              `insert into public.staff_members (user_id, email, role)
               select id, email, 'ops' from auth.users where email = $1`,
              [email],
            )
          : db.query('delete from public.staff_members where email = $1', [email]),
      );
    const write = (text: string) => withDb((db) => insertMessage(db, session, text));

    await write('before');
    await setStaff(true);
    const during = await write('while staff');
    await waitFor(() => sub.events.length > 0, 'the delivery while staff');
    await setStaff(false);
    await write('after');
    await pause(300);
    expect(ids(sub.events)).toEqual([during]);
  });

  it('refuses an expired or tampered token at join (CHANNEL_ERROR), and an unknown table', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: recruiter!.id, role: 'authenticated', aud: 'authenticated' };
    const expired = await signToken({ ...claims, iat: now - 7200, exp: now - 3600 });
    const forged = await signToken(
      { ...claims, exp: now + 3600 },
      'not-the-secret-not-the-secret-!!',
    );
    const valid = await accessToken(staff);
    const tampered = `${valid.slice(0, -4)}${valid.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;

    for (const [token, reason] of [
      [expired, /expired/],
      [forged, /signature/],
      [tampered, /signature/],
    ] as const) {
      const client = track(await realtimeClient(token));
      const sub = subscribe(client);
      await expect(sub.joined).rejects.toThrow(reason);
      expect(sub.statuses[0]!.status).toBe('CHANNEL_ERROR');
      client.disconnect();
    }

    const sub = subscribe(staff, { table: 'staff_members' });
    await expect(sub.joined).rejects.toThrow(/Unable to subscribe to changes/);
    await staff.removeChannel(sub.channel);
  });

  it('a socket needs a valid apikey, as the REST routes do', async () => {
    const url = `${stackInfo().apiUrl.replace(/^http/, 'ws')}/realtime/v1/websocket?vsn=2.0.0`;
    for (const query of ['', '&apikey=not-a-key']) {
      const ws = new WebSocket(url + query);
      const status = await new Promise<number>((resolve) =>
        ws.on('unexpected-response', (req, res) => {
          resolve(res.statusCode ?? 0);
          req.destroy();
        }),
      );
      ws.on('error', () => undefined);
      expect(status).toBe(401);
    }
  });
});

describe('the realtime protocol', () => {
  it('serializer 1.0.0: heartbeat, join reply with binding ids, system message, changes', async () => {
    const token = await accessToken(staff);
    const session = newSession('v1');
    const socket = await rawSocket({ vsn: '1.0.0', apikey: stackInfo().anonKey });
    const topic = 'realtime:v1-test';
    socket.send({ topic: 'phoenix', event: 'heartbeat', payload: {}, ref: '1', join_ref: null });
    expect(await socket.next((m) => (m as { ref: string }).ref === '1', 'heartbeat')).toEqual({
      join_ref: null,
      ref: '1',
      topic: 'phoenix',
      event: 'phx_reply',
      payload: { status: 'ok', response: {} },
    });
    const binding = {
      event: 'INSERT',
      schema: 'public',
      table: 'chat_history',
      filter: `session_id=eq.${session}`,
    };
    socket.send({
      topic,
      event: 'phx_join',
      ref: '2',
      join_ref: '2',
      payload: { config: { postgres_changes: [binding] }, access_token: token },
    });
    const joined = (await socket.next((m) => (m as { ref: string }).ref === '2', 'join')) as {
      payload: { status: string; response: { postgres_changes: { id: number }[] } };
    };
    expect(joined.payload.status).toBe('ok');
    expect(joined.payload.response.postgres_changes).toEqual([
      { ...binding, id: expect.any(Number) },
    ]);
    await socket.next((m) => (m as { event: string }).event === 'system', 'system message');
    const id = await withDb((db) => insertMessage(db, session, 'v1'));
    const change = (await socket.next(
      (m) => (m as { event: string }).event === 'postgres_changes',
      'the change',
    )) as { join_ref: string; payload: { ids: number[]; data: Record<string, unknown> } };
    expect(change.join_ref).toBe('2');
    expect(change.payload.ids).toEqual([joined.payload.response.postgres_changes[0]!.id]);
    expect(change.payload.data).toMatchObject({
      type: 'INSERT',
      record: { id, session_id: session },
    });
    socket.ws.close();
  });

  it('serializer 1.0.0 through realtime-js', async () => {
    const client = track(await realtimeClient(await accessToken(staff), '1.0.0'));
    const session = newSession('v1js');
    const sub = subscribe(client, { filter: `session_id=eq.${session}` });
    await sub.joined;
    const id = await withDb((db) => insertMessage(db, session, 'hello'));
    await waitFor(() => ids(sub.events).includes(id), 'the change over 1.0.0');
  });

  it('access_token updates: a valid one keeps the channel, an invalid one closes it as realtime does', async () => {
    const token = await accessToken(staff);
    const socket = await rawSocket();
    const topic = 'realtime:token-test';
    const join = {
      config: { postgres_changes: [{ event: '*', schema: 'public', table: 'sessions' }] },
      access_token: token,
    };
    socket.send(['1', '1', topic, 'phx_join', join]);
    await socket.next((m) => (m as unknown[])[1] === '1', 'join reply');
    socket.send(['1', '2', topic, 'access_token', { access_token: token }]);
    expect(await socket.next((m) => (m as unknown[])[1] === '2', 'token reply')).toEqual([
      '1',
      '2',
      topic,
      'phx_reply',
      { status: 'ok', response: {} },
    ]);
    socket.send(['1', '3', topic, 'access_token', { access_token: 'garbage' }]);
    const closed = await socket.next((m) => (m as unknown[])[3] === 'phx_close', 'phx_close');
    expect(closed).toEqual(['1', null, topic, 'phx_close', {}]);
    const system = socket.messages.find(
      (m) => (m as unknown[])[3] === 'system' && (m as { status: string }[])[4]!.status === 'error',
    );
    expect(system).toEqual([
      '1',
      null,
      topic,
      'system',
      expect.objectContaining({ extension: 'system', status: 'error', channel: 'token-test' }),
    ]);
    // The channel is gone: a push to it is an unmatched topic now.
    socket.send(['1', '4', topic, 'access_token', { access_token: token }]);
    expect(await socket.next((m) => (m as unknown[])[1] === '4', 'reply')).toEqual([
      '1',
      '4',
      topic,
      'phx_reply',
      { status: 'error', response: { reason: 'unmatched topic' } },
    ]);
    socket.ws.close();
  });

  it('phx_leave stops deliveries on that channel only', async () => {
    const token = await accessToken(staff);
    const session = newSession('leave');
    const socket = await rawSocket();
    const config = {
      postgres_changes: [
        {
          event: 'INSERT',
          schema: 'public',
          table: 'chat_history',
          filter: `session_id=eq.${session}`,
        },
      ],
    };
    socket.send(['1', '1', 'realtime:stay', 'phx_join', { config, access_token: token }]);
    socket.send(['2', '2', 'realtime:go', 'phx_join', { config, access_token: token }]);
    socket.send(['2', '3', 'realtime:go', 'phx_leave', {}]);
    await socket.next((m) => (m as unknown[])[1] === '3', 'leave reply');
    await withDb((db) => insertMessage(db, session, 'after leave'));
    await socket.next((m) => (m as unknown[])[3] === 'postgres_changes', 'the change');
    await pause(200);
    const changes = socket.messages.filter((m) => (m as unknown[])[3] === 'postgres_changes');
    expect(changes.map((m) => (m as unknown[])[2])).toEqual(['realtime:stay']);
    socket.ws.close();
  });

  it('bad frames get an error reply or a closed socket, and the server keeps serving others', async () => {
    const session = newSession('robust');
    const sub = subscribe(staff, { event: 'INSERT', filter: `session_id=eq.${session}` });
    await sub.joined;

    const unknownTopic = await rawSocket();
    unknownTopic.send(['1', '1', 'realtime:never-joined', 'broadcast', {}]);
    unknownTopic.send(['1', '2', 'elsewhere', 'phx_join', {}]);
    unknownTopic.send([null, '3', 'phoenix', 'heartbeat', {}]);
    await unknownTopic.next((m) => (m as unknown[])[1] === '3', 'heartbeat after errors');
    expect(unknownTopic.messages.slice(0, 2)).toEqual([
      [
        '1',
        '1',
        'realtime:never-joined',
        'phx_reply',
        { status: 'error', response: { reason: 'unmatched topic' } },
      ],
      [
        '1',
        '2',
        'elsewhere',
        'phx_reply',
        { status: 'error', response: { reason: 'unmatched topic' } },
      ],
    ]);
    unknownTopic.ws.close();

    const cases: [string, unknown, number][] = [
      ['not JSON', 'hello there', 1007],
      ['wrong shape', JSON.stringify({ topic: 'phoenix', event: 'heartbeat' }), 1007],
      ['short array', '[null, "1", "phoenix"]', 1007],
      ['binary', Buffer.from([3, 1, 2, 3]), 1003],
      [
        'oversized',
        JSON.stringify([null, '1', 'phoenix', 'heartbeat', { x: 'x'.repeat(1_100_000) }]),
        1009,
      ],
    ];
    for (const [what, frame, code] of cases) {
      const socket = await rawSocket();
      socket.ws.send(frame as string);
      expect({ what, code: (await socket.closed).code }).toEqual({ what, code });
    }
    const badVsn = await rawSocket({ vsn: '9.9.9', apikey: stackInfo().anonKey }).catch(
      (error: Error) => error,
    );
    expect(badVsn).toBeInstanceOf(Error);

    const id = await withDb((db) => insertMessage(db, session, 'still here'));
    await waitFor(() => ids(sub.events).includes(id), 'a delivery after the bad frames');
  });

  it('50 sockets subscribed at once all receive a change', async () => {
    const token = await accessToken(await signedInClient(ops!.email));
    const session = newSession('fanout');
    const clients = await Promise.all(
      Array.from({ length: 50 }, async () => track(await realtimeClient(token))),
    );
    const subs = clients.map((client) =>
      subscribe(client, { event: 'INSERT', filter: `session_id=eq.${session}` }),
    );
    await Promise.all(subs.map((s) => s.joined));
    const id = await withDb((db) => insertMessage(db, session, 'everyone'));
    await waitFor(() => subs.every((s) => ids(s.events).includes(id)), 'all 50 deliveries');
    for (const client of clients) client.disconnect();
  });
});
