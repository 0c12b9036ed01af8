import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../stack/demo';
import { newClient, stackInfo } from '../support/clients';

const [recruiter] = DEMO_STAFF;
const authUrl = (path: string) => `${stackInfo().apiUrl}/auth/v1${path}`;
const headers = () => ({ apikey: stackInfo().anonKey, 'Content-Type': 'application/json' });

async function tokenFor(
  claims: Record<string, unknown>,
  secret = stackInfo().jwtSecret,
  expiresIn = 3600,
) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: 'authenticated', aud: 'authenticated', ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(now)
    .setExpirationTime(now + expiresIn)
    .sign(new TextEncoder().encode(secret));
}

describe('auth (GoTrue-compatible, through supabase-js)', () => {
  it('signs a demo account in with GoTrue claims and the staff role', async () => {
    const client = newClient();
    const { data, error } = await client.auth.signInWithPassword({
      email: recruiter!.email,
      password: recruiter!.password,
    });
    expect(error).toBeNull();
    const claims = JSON.parse(
      Buffer.from(data.session!.access_token.split('.')[1]!, 'base64url').toString(),
    );
    expect(claims).toMatchObject({
      sub: data.user!.id,
      role: 'authenticated',
      aud: 'authenticated',
      email: recruiter!.email,
      app_metadata: { provider: 'email', staff_role: 'recruiter' },
      user_metadata: {},
    });
    expect(claims.exp).toBeGreaterThan(Date.now() / 1000);
    expect(typeof claims.session_id).toBe('string');
    const { data: user } = await client.auth.getUser();
    expect(user.user?.email).toBe(recruiter!.email);
  });

  it('a wrong password and an unknown email both give "Invalid login credentials" (400)', async () => {
    const client = newClient();
    for (const credentials of [
      { email: recruiter!.email, password: 'wrong-password' },
      { email: 'nobody@demo.local', password: 'demo-password' },
    ]) {
      const { error } = await client.auth.signInWithPassword(credentials);
      expect(error).toMatchObject({
        status: 400,
        code: 'invalid_credentials',
        message: 'Invalid login credentials',
      });
    }
  });

  it('a malformed JSON body gets a 400 with a GoTrue-shaped error', async () => {
    const res = await fetch(authUrl('/token?grant_type=password'), {
      method: 'POST',
      headers: headers(),
      body: '{"email":',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: 400,
      error_code: 'bad_json',
      msg: expect.any(String),
    });
  });

  it('a request without an apikey is refused with 401 and a JSON error, on every route', async () => {
    for (const path of ['/auth/v1/user', '/rest/v1/sessions']) {
      const res = await fetch(`${stackInfo().apiUrl}${path}`);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ message: 'No API key found in request' });
    }
    const forged = await fetch(`${stackInfo().apiUrl}/rest/v1/sessions`, {
      headers: {
        apikey: await tokenFor(
          { role: 'service_role' },
          'not-the-secret-but-long-enough-0123456789',
        ),
      },
    });
    expect(forged.status).toBe(401);
  });

  it('an expired or tampered JWT is refused by auth and by the REST API', async () => {
    const client = newClient();
    const { data } = await client.auth.signInWithPassword({
      email: recruiter!.email,
      password: recruiter!.password,
    });
    const valid = data.session!.access_token;
    const [h, p, s] = valid.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, role: 'service_role' })).toString('base64url')}.${s}`;
    const expired = await tokenFor(
      { sub: payload.sub, session_id: payload.session_id },
      stackInfo().jwtSecret,
      -60,
    );

    for (const token of [tampered, expired]) {
      const user = await fetch(authUrl('/user'), {
        headers: { ...headers(), Authorization: `Bearer ${token}` },
      });
      expect(user.status).toBe(403);
      expect(await user.json()).toMatchObject({
        error_code: 'bad_jwt',
        msg: expect.stringMatching(/^invalid JWT/),
      });
      const rest = await fetch(`${stackInfo().apiUrl}/rest/v1/sessions?limit=1`, {
        headers: { ...headers(), Authorization: `Bearer ${token}` },
      });
      expect(rest.status).toBe(401);
    }
  });

  it('refresh tokens rotate, and a used one cannot be used again', async () => {
    const client = newClient();
    const { data } = await client.auth.signInWithPassword({
      email: recruiter!.email,
      password: recruiter!.password,
    });
    const first = data.session!.refresh_token;
    const refreshed = await client.auth.refreshSession({ refresh_token: first });
    expect(refreshed.error).toBeNull();
    expect(refreshed.data.session!.refresh_token).not.toBe(first);

    const reuse = await fetch(authUrl('/token?grant_type=refresh_token'), {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({ refresh_token: first }),
    });
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toMatchObject({ error_code: 'refresh_token_already_used' });
    // Reuse suggests theft: the whole session ends, so the newer token dies too.
    const second = await fetch(authUrl('/token?grant_type=refresh_token'), {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({ refresh_token: refreshed.data.session!.refresh_token }),
    });
    expect(second.status).toBe(400);
  });

  it('sign-up confirms at once and the new user is not staff; sign-out ends the session', async () => {
    const client = newClient();
    const email = `new-${Date.now()}@example.com`;
    const { data, error } = await client.auth.signUp({ email, password: 'a-long-password' });
    expect(error).toBeNull();
    expect(data.session?.user.app_metadata.staff_role).toBeUndefined();
    const again = await newClient().auth.signUp({ email, password: 'a-long-password' });
    expect(again.error).toMatchObject({ status: 422, code: 'user_already_exists' });
    const weak = await newClient().auth.signUp({
      email: `weak-${Date.now()}@example.com`,
      password: '123',
    });
    expect(weak.error).toMatchObject({ status: 422, code: 'weak_password' });

    const token = data.session!.access_token;
    expect((await client.auth.signOut()).error).toBeNull();
    const user = await fetch(authUrl('/user'), {
      headers: { ...headers(), Authorization: `Bearer ${token}` },
    });
    expect(user.status).toBe(403);
    expect(await user.json()).toMatchObject({ error_code: 'session_not_found' });
  });

  it('answers a browser origin with exactly that origin, on REST and auth, preflight included', async () => {
    const origin = 'http://127.0.0.1:5173';
    for (const path of ['/rest/v1/sessions?select=session_id&limit=1', '/auth/v1/health']) {
      const url = `${stackInfo().apiUrl}${path}`;
      const preflight = await fetch(url, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      const res = await fetch(url, { headers: { ...headers(), Origin: origin } });
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    }
  });
});
