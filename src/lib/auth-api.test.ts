import { AuthApiError, AuthRetryableFetchError } from '@supabase/supabase-js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { signIn } from './auth-api';
import { appAuth } from './supabase-auth';

vi.mock('./supabase-auth', () => ({
  appAuth: { signInWithPassword: vi.fn() },
}));

const signInWithPassword = vi.mocked(appAuth.signInWithPassword);

beforeEach(() => {
  signInWithPassword.mockReset();
});

function failWith(error: Error) {
  signInWithPassword.mockResolvedValue({ data: { user: null, session: null }, error } as never);
}

describe('signIn', () => {
  it("returns the signed-in user with their token's staff role claim", async () => {
    // base64url, as JWTs are: the name makes the payload carry '-' and '_' where base64 has + and /
    const claims = { sub: 'u1', app_metadata: { staff_role: 'ops' }, name: 'Zoë ~~~??>>>' };
    const bytes = new TextEncoder().encode(JSON.stringify(claims));
    const payload = btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(payload).toMatch(/[-_]/);
    signInWithPassword.mockResolvedValue({
      data: {
        session: {
          user: { id: 'u1', email: 'ops@demo.local' },
          access_token: `eyJhbGciOiJIUzI1NiJ9.${payload}.sig`,
          expires_at: 1_800_000_000,
        },
      },
      error: null,
    } as never);

    await expect(signIn(' ops@demo.local ', 'pw')).resolves.toEqual({
      userId: 'u1',
      email: 'ops@demo.local',
      staffRoleClaim: 'ops',
      expiresAt: 1_800_000_000,
    });
    expect(signInWithPassword).toHaveBeenCalledWith({ email: 'ops@demo.local', password: 'pw' });
  });

  it.each([
    [
      new AuthApiError('Invalid login credentials', 400, 'invalid_credentials'),
      'unauthorized',
      'Wrong email or password.',
    ],
    [
      new AuthApiError('Email not confirmed', 400, 'email_not_confirmed'),
      'validation',
      'Email not confirmed',
    ],
    [
      new AuthRetryableFetchError('Failed to fetch', 0),
      'network',
      "Can't reach the server. Check your connection and try again.",
    ],
    [
      new AuthRetryableFetchError('Bad Gateway', 502),
      'server',
      'The server ran into a problem. Try again in a moment.',
    ],
  ])('turns %s into a human message', async (error, kind, message) => {
    failWith(error);

    const thrown = await signIn('a@b.c', 'pw').catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ kind, message });
  });
});
