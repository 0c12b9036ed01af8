import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuthHandler } from './auth-server';
import { createPasswordHasher } from './password-hasher';
import { signAccessToken } from './tokens';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const USER = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'someone@example.test',
  encrypted_password: '',
  email_confirmed_at: null,
  last_sign_in_at: null,
  raw_app_meta_data: {},
  raw_user_meta_data: {},
  created_at: new Date(0),
  updated_at: new Date(0),
};

/** A pool that answers GET /user's queries and counts hook lookups; `lookup` answers those. */
function fakePool(lookup: () => Promise<boolean>) {
  const calls = { lookups: 0, hookRuns: 0 };
  const query = async (sql: string) => {
    if (sql.includes('to_regprocedure')) {
      calls.lookups += 1;
      return { rows: [{ available: await lookup() }] };
    }
    if (sql.includes('custom_access_token_hook')) {
      calls.hookRuns += 1;
      return { rows: [{ result: { claims: { app_metadata: { staff_role: 'ops' } } } }] };
    }
    if (sql.includes('from auth.users')) return { rows: [USER] };
    if (sql.includes('from auth.sessions')) return { rows: [{}], rowCount: 1 };
    throw new Error(`unexpected query: ${sql}`);
  };
  return { pool: { query } as unknown as pg.Pool, calls };
}

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

/** An auth server on a free port; `getUser` asks it for the current user's app_metadata. */
async function startAuth(pool: pg.Pool) {
  const handle = createAuthHandler({
    pool,
    jwtSecret: SECRET,
    issuer: 'test',
    expiresIn: 60,
    log: () => undefined,
    rateLimits: { signInsPerIp: 100, refreshesPerIp: 100, failedSignInsPerEmail: 100 },
    passwords: createPasswordHasher(1), // never asked: these tests sign no one in
  });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    void handle(req, res, url.pathname, url.searchParams);
  });
  servers.push(server);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  const { token } = await signAccessToken(
    {
      sub: USER.id,
      email: USER.email,
      role: 'authenticated',
      aud: 'authenticated',
      session_id: '00000000-0000-4000-8000-000000000002',
      app_metadata: {},
      user_metadata: {},
    },
    SECRET,
    'test',
    60,
  );
  return async () => {
    const res = await fetch(`http://127.0.0.1:${port}/user`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { app_metadata?: Record<string, unknown> };
    return { status: res.status, appMetadata: body.app_metadata };
  };
}

describe('the custom access token hook', () => {
  it('is looked up once, then run for every token', async () => {
    const { pool, calls } = fakePool(async () => true);
    const getUser = await startAuth(pool);
    for (let i = 0; i < 3; i++)
      expect(await getUser()).toEqual({
        status: 200,
        appMetadata: { staff_role: 'ops' },
      });
    expect(calls).toEqual({ lookups: 1, hookRuns: 3 });
  });

  it('is looked up once when it is missing, and the claims go out without it', async () => {
    const { pool, calls } = fakePool(async () => false);
    const getUser = await startAuth(pool);
    for (let i = 0; i < 3; i++)
      expect((await getUser()).appMetadata).toEqual({ provider: 'email', providers: ['email'] });
    expect(calls).toEqual({ lookups: 1, hookRuns: 0 });
  });

  it('is looked up again after a failed lookup', async () => {
    let fail = true;
    const { pool, calls } = fakePool(async () => {
      if (fail) throw new Error('the database system is starting up');
      return true;
    });
    const getUser = await startAuth(pool);
    expect((await getUser()).status).toBe(500);
    fail = false;
    expect(await getUser()).toEqual({ status: 200, appMetadata: { staff_role: 'ops' } });
    expect(await getUser()).toEqual({ status: 200, appMetadata: { staff_role: 'ops' } });
    expect(calls).toEqual({ lookups: 2, hookRuns: 2 });
  });
});
