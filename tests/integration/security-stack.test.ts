import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadStackConfig } from '../../stack/config';
import { DEMO_STAFF } from '../../stack/demo';
import { signedInClient, stackInfo, strangerClient, withDb } from '../support/clients';
import {
  accessToken,
  insertMessage,
  realtimeClient,
  signToken,
  subscribe,
  waitFor as waitUntil,
} from '../support/realtime';
import { alive, cliEnv, pidsOf, startCli, waitFor } from '../support/stack-cli';

// Issue 16: the stack itself under hostile input. Every case sends real requests to the real
// stack, mostly raw (net, fetch) because the official clients never send such things.

/** Sends raw bytes to the gateway and returns whatever it answers before closing. */
function rawRequest(text: string): Promise<string> {
  const { port, hostname } = new URL(stackInfo().apiUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(text));
    let answer = '';
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer to ${text.split('\r')[0]}`)));
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    socket.on('end', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const health = async () => (await fetch(`${stackInfo().apiUrl}/health`)).status;

describe('request-scoped errors never end the stack', () => {
  it('a WebSocket upgrade to // gets 400 and the stack keeps serving', async () => {
    const answer = await rawRequest(
      'GET // HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    await new Promise((r) => setTimeout(r, 200)); // a crash would be asynchronous
    expect(await health()).toBe(200);
  });

  it('a plain request to // or to an absolute-form URL gets 400', async () => {
    for (const target of ['//', '//evil.example/x', 'http://evil.example/rest/v1/']) {
      const answer = await rawRequest(
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
      );
      expect({ target, status: answer.split('\r\n')[0] }).toEqual({
        target,
        status: 'HTTP/1.1 400 Bad Request',
      });
    }
    expect(await health()).toBe(200);
  });
});

describe('only pages and hosts of this machine are answered (issue 16, 9)', () => {
  const { apiUrl, anonKey } = stackInfo();
  const rest = (headers: Record<string, string>) =>
    fetch(`${apiUrl}/rest/v1/jobs?select=id`, { headers: { apikey: anonKey, ...headers } });

  it("a page of this machine gets CORS; another site's gets 403 and no CORS header", async () => {
    const local = await rest({ Origin: 'http://localhost:5173' });
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const evil = await rest({ Origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect((await evil.json()).message).toContain('STACK_CORS_ORIGINS');
    const preflight = await fetch(`${apiUrl}/auth/v1/token?grant_type=password`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(403);
  });

  it('a request addressed to another host name (DNS rebinding) gets 403', async () => {
    const answer = await rawRequest(
      `GET /rest/v1/jobs?apikey=${anonKey} HTTP/1.1\r\nHost: rebind.evil.example:54321\r\nConnection: close\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 403 /);
  });

  it("a WebSocket from another site's page is refused; from this machine's, it opens", async () => {
    const upgrade = (origin: string) =>
      rawRequest(
        `GET /realtime/v1/websocket?apikey=${anonKey}&vsn=1.0.0 HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
          `Origin: ${origin}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
          'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      );
    expect(await upgrade('https://evil.example')).toMatch(/^HTTP\/1\.1 403 /);
    const socket = new WebSocket(
      `${apiUrl.replace('http', 'ws')}/realtime/v1/websocket?apikey=${anonKey}&vsn=1.0.0`,
      {
        origin: 'http://127.0.0.1:5173',
      },
    );
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    socket.close();
  });
});

describe('bad input gets a 4xx with a plain message, never a Postgres error', () => {
  const { apiUrl, anonKey } = stackInfo();
  const auth = (path: string, init: RequestInit = {}) =>
    fetch(`${apiUrl}/auth/v1${path}`, {
      ...init,
      headers: { apikey: anonKey, 'Content-Type': 'application/json', ...init.headers },
    });
  const answer = async (res: Response) => ({ status: res.status, body: await res.text() });

  it('GET /auth/v1/user with the anon key as bearer: 403, no SQL', async () => {
    const res = await answer(
      await auth('/user', { headers: { Authorization: `Bearer ${anonKey}` } }),
    );
    expect(res.status).toBe(403);
    expect(res.body).toContain('missing sub claim');
    expect(res.body).not.toMatch(/uuid|syntax|postgres/i);
  });

  it.each([
    ['sign-up', '/signup', { email: 'nul\u0000@example.com', password: 'long-enough' }],
    ['sign-in', '/token?grant_type=password', { email: 'nul\u0000@example.com', password: 'x' }],
    [
      'sign-up data',
      '/signup',
      {
        email: `nul-data-${Date.now()}@example.com`,
        password: 'long-enough',
        data: { name: 'a\u0000b' },
      },
    ],
    ['refresh', '/token?grant_type=refresh_token', { refresh_token: 'a\u0000b' }],
  ])('a NUL byte in %s: 400', async (_, path, body) => {
    const res = await answer(await auth(path, { method: 'POST', body: JSON.stringify(body) }));
    expect(res.status).toBe(400);
    expect(res.body).not.toMatch(/byte sequence|unicode|postgres|0x00/i);
  });

  it('a malformed %-escape in a storage path: 400', async () => {
    const res = await answer(await fetch(`${apiUrl}/storage/v1/object/public/recordings/%E0%A4%A`));
    expect(res.status).toBe(400);
    expect(res.body).not.toMatch(/URIError|URI malformed/);
  });
});

describe('however a stack ends, it takes Postgres and PostgREST with it', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    ({ dataDir, env } = await cliEnv('outreach-ends-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  async function allGone(pids: number[], ms = 10_000) {
    const deadline = Date.now() + ms;
    while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    return pids.filter(alive);
  }

  /** Direct children of `pid` (Linux /proc): the stack's watchdog among them. */
  const childrenOf = (pid: number) =>
    readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((entry) => {
        try {
          // "pid (comm) state ppid …"; comm may hold spaces, so read after its closing parenthesis.
          const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
        } catch {
          return false;
        }
      })
      .map(Number);

  it('KILL of the stack process', async () => {
    const stack = startCli(env);
    const pids = await pidsOf(stack);
    stack.child.kill('SIGKILL');
    await stack.exit;
    expect(await allGone(pids)).toEqual([]);
  });

  it('TERM, then KILL before the shutdown is through', async () => {
    const stack = startCli(env);
    const pids = await pidsOf(stack);
    stack.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 50));
    stack.child.kill('SIGKILL');
    await stack.exit;
    expect(await allGone(pids)).toEqual([]);
  });

  it('a new start clears what a dead stack left running on its data folder', async () => {
    const first = startCli(env);
    const pids = await pidsOf(first);
    // The stack and its watchdog die at once, as in a crash of everything but the children.
    for (const pid of [
      ...childrenOf(first.child.pid!).filter((p) => !pids.includes(p)),
      first.child.pid!,
    ])
      process.kill(pid, 'SIGKILL');
    await first.exit;
    await new Promise((r) => setTimeout(r, 300));
    expect(pids.filter(alive)).toEqual(pids); // left behind

    const second = startCli(env);
    const next = await pidsOf(second);
    expect(pids.filter(alive)).toEqual([]);
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);
    expect(await allGone(next)).toEqual([]);
  });
});

/** POST to a stack's auth API with the anon key, as supabase-js does. */
async function authPost(apiUrl: string, path: string, body: unknown) {
  const res = await fetch(`${apiUrl}/auth/v1${path}`, {
    method: 'POST',
    headers: { apikey: stackInfo().anonKey, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { error_code?: string; msg?: string; refresh_token?: string };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), ...json };
}

describe('logins cannot be brute-forced', () => {
  it('after the allowed failed sign-ins for an e-mail, every attempt gets 429, the right password too', async () => {
    const { apiUrl } = stackInfo();
    const email = `brute-${Date.now()}@example.com`;
    const password = 'the-right-password';
    expect((await authPost(apiUrl, '/signup', { email, password })).status).toBe(200);
    const allowed = loadStackConfig({}).authRateLimits.failedSignInsPerEmail;
    const signIn = (pw: string) =>
      authPost(apiUrl, '/token?grant_type=password', { email, password: pw });
    for (let i = 0; i < allowed; i++) expect((await signIn(`wrong-${i}`)).status).toBe(400);
    const refused = await signIn('wrong-again');
    expect(refused).toMatchObject({ status: 429, error_code: 'over_request_rate_limit' });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect((await signIn(password)).status).toBe(429);
  });

  it('sign-ins and token refreshes are limited per IP, as configured by env', async () => {
    const { dataDir, env: limited } = await cliEnv('outreach-limits-', {
      STACK_AUTH_RATE_LIMIT_SIGN_IN: '3',
      STACK_AUTH_RATE_LIMIT_REFRESH: '2',
    });
    const stack = startCli(limited);
    try {
      await waitFor(stack, /ready/);
      const apiUrl = `http://127.0.0.1:${limited.STACK_API_PORT}`;
      const credentials = {
        email: `per-ip-${Date.now()}@example.com`,
        password: 'per-ip-password',
      };
      const session = await authPost(apiUrl, '/signup', credentials);
      expect(session.status).toBe(200);
      const signIn = () => authPost(apiUrl, '/token?grant_type=password', credentials);
      expect((await signIn()).status).toBe(200);
      const last = await signIn();
      expect(last.status).toBe(200);
      expect(await signIn()).toMatchObject({ status: 429, error_code: 'over_request_rate_limit' });

      let token = last.refresh_token;
      for (let i = 0; i < 2; i++) {
        const refreshed = await authPost(apiUrl, '/token?grant_type=refresh_token', {
          refresh_token: token,
        });
        expect(refreshed.status).toBe(200);
        token = refreshed.refresh_token;
      }
      const refused = await authPost(apiUrl, '/token?grant_type=refresh_token', {
        refresh_token: token,
      });
      expect(refused).toMatchObject({ status: 429 });
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    } finally {
      stack.child.kill('SIGTERM');
      await stack.exit;
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('password hashing does not block the stack', () => {
  async function restTimes(until: () => boolean, atLeast: number): Promise<number[]> {
    const { apiUrl, anonKey } = stackInfo();
    const times: number[] = [];
    while (times.length < atLeast || !until()) {
      const started = performance.now();
      const res = await fetch(`${apiUrl}/rest/v1/campaigns?select=id&limit=1`, {
        headers: { apikey: anonKey },
      });
      await res.arrayBuffer();
      times.push(performance.now() - started);
    }
    return times;
  }

  it('REST p50 stays within 2× of idle while 40 sign-ups hash their passwords', async () => {
    const idle = median(await restTimes(() => true, 30));
    let done = false;
    const signUps = Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        authPost(stackInfo().apiUrl, '/signup', {
          email: `hash-load-${Date.now()}-${i}@example.com`,
          password: 'a-password-to-hash',
        }),
      ),
    ).finally(() => (done = true));
    const loaded = median(await restTimes(() => done, 10));
    expect((await signUps).every((r) => r.status === 200)).toBe(true);
    // A floor for a tiny idle time: a few milliseconds either way is noise on a busy machine.
    expect(loaded).toBeLessThan(Math.max(2 * idle, idle + 15));
  });
});

describe('sign-in tells nothing about which accounts exist', () => {
  const { apiUrl } = stackInfo();
  async function timeSignIn(email: string) {
    const started = performance.now();
    const res = await authPost(apiUrl, '/token?grant_type=password', {
      email,
      password: 'wrong-password',
    });
    expect(res).toMatchObject({ status: 400, error_code: 'invalid_credentials' });
    return performance.now() - started;
  }

  it('a wrong password for a real account and an unknown e-mail take the same time', async () => {
    const email = `timing-${Date.now()}@example.com`;
    expect(
      (await authPost(apiUrl, '/signup', { email, password: 'the-real-password' })).status,
    ).toBe(200);
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved, so a busy moment of the machine falls on both; under the per-e-mail limit.
    for (let i = 0; i < 8; i++) {
      known.push(await timeSignIn(email));
      unknown.push(await timeSignIn(`nobody-${Date.now()}-${i}@example.com`));
    }
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.6);
  });

  it('passwords over 72 bytes are refused with a clear message, as GoTrue does', async () => {
    const email = `long-${Date.now()}@example.com`;
    const long = 'é'.repeat(37); // 74 bytes in 37 characters
    for (const path of ['/signup', '/token?grant_type=password']) {
      const res = await authPost(apiUrl, path, { email, password: long });
      expect(res).toMatchObject({ status: 400, msg: 'Password cannot be longer than 72 bytes' });
    }
  });

  it('sign-up user data (copied into every token) is size-limited', async () => {
    const res = await authPost(apiUrl, '/signup', {
      email: `big-data-${Date.now()}@example.com`,
      password: 'a-fine-password',
      data: { bio: 'x'.repeat(200_000) },
    });
    expect(res).toMatchObject({ status: 400, error_code: 'validation_failed' });
  });
});

describe('the API cannot run away with the database', () => {
  const { apiUrl, anonKey } = stackInfo();
  const FUNCTION = 'public.security_stack_probe';

  // A function of this test only, called through PostgREST; files run one at a time, so the
  // catalogue-wide security tests never see it.
  beforeAll(async () => {
    await withDb(async (db) => {
      await db.query(`
        create function ${FUNCTION}(seconds float default 0) returns text language sql as $$
          select pg_sleep(seconds)::text || current_setting('statement_timeout') $$;
        grant execute on function ${FUNCTION} to anon, authenticated;
        notify pgrst, 'reload schema';`);
    });
    const deadline = Date.now() + 10_000;
    while ((await probe(anonKey)).status === 404 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
  });
  afterAll(() =>
    withDb((db) => db.query(`drop function ${FUNCTION}; notify pgrst, 'reload schema';`)),
  );

  function probe(token: string, seconds = 0) {
    return fetch(`${apiUrl}/rest/v1/rpc/security_stack_probe`, {
      method: 'POST',
      headers: {
        apikey: anonKey,
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ seconds }),
    });
  }

  it('statements time out after 3 s for anon and 8 s for signed-in users, as on Supabase', async () => {
    expect(await (await probe(anonKey)).json()).toBe('3s');
    const { client } = await strangerClient();
    const token = (await client.auth.getSession()).data.session!.access_token;
    expect(await (await probe(token)).json()).toBe('8s');
    const started = Date.now();
    const slow = await probe(anonKey, 10);
    expect(slow.status).toBe(500);
    expect(((await slow.json()) as { code: string }).code).toBe('57014'); // query_canceled
    expect(Date.now() - started).toBeLessThan(6000);
  });

  it('REST request bodies over 10 MiB get 413, with or without a Content-Length', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024 + 1);
    const declared = await fetch(`${apiUrl}/rest/v1/candidate_notes`, {
      method: 'POST',
      headers: { apikey: anonKey, 'Content-Type': 'application/json' },
      body: big,
    });
    expect(declared.status).toBe(413);
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 11; i++)
          controller.enqueue(new TextEncoder().encode('x'.repeat(1024 * 1024)));
        controller.close();
      },
    });
    const streamed = await fetch(`${apiUrl}/rest/v1/candidate_notes`, {
      method: 'POST',
      headers: { apikey: anonKey, 'Content-Type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await health()).toBe(200);
  });
});

describe('realtime: non-staff subscribers cannot slow delivery to staff', () => {
  it('20 subscribers with 200 kB tokens leave staff delivery near its usual time', async () => {
    const staff = await realtimeClient(
      await accessToken(await signedInClient(DEMO_STAFF[0]!.email)),
    );
    const session = `sec_rt_${randomUUID().slice(0, 8)}`;
    const watched = subscribe(staff, { table: 'chat_history', filter: `session_id=eq.${session}` });
    await watched.joined;
    const clients = [staff];
    try {
      const deliveryTimes = () =>
        withDb(async (db) => {
          const times: number[] = [];
          for (let i = 0; i < 5; i++) {
            const before = watched.events.length;
            const sent = Date.now();
            await insertMessage(db, session, `probe ${i}`);
            await waitUntil(() => watched.events.length > before, 'the staff delivery');
            times.push(watched.events.at(-1)!.receivedAt - sent);
          }
          return times;
        });
      const usual = median(await deliveryTimes());

      const blob = 'x'.repeat(200_000);
      for (let i = 0; i < 20; i++) {
        const token = await signToken({
          sub: randomUUID(),
          role: 'authenticated',
          aud: 'authenticated',
          exp: Math.floor(Date.now() / 1000) + 600,
          user_metadata: { blob: `${i}${blob}` },
        });
        const client = await realtimeClient(token);
        clients.push(client);
        await subscribe(client, { table: 'chat_history' }).joined;
      }
      const loaded = median(await deliveryTimes());
      expect(loaded).toBeLessThan(Math.max(3 * usual, usual + 60));
    } finally {
      for (const client of clients) client.disconnect();
    }
  });
});
