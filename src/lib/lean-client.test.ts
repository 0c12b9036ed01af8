import type { AuthChangeEvent, GoTrueClient, Session } from '@supabase/auth-js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createLeanClient } from './lean-client';

const realtime = vi.hoisted(() => ({
  instances: [] as {
    url: string;
    options: Record<string, unknown>;
    setAuth: ReturnType<typeof vi.fn>;
  }[],
  failNext: false,
}));

vi.mock('@supabase/realtime-js', () => ({
  RealtimeClient: class {
    setAuth = vi.fn(async () => undefined);
    constructor(url: string, options: Record<string, unknown>) {
      if (realtime.failNext) {
        realtime.failNext = false;
        throw new Error('WebSocket not available');
      }
      realtime.instances.push({ url, options, setAuth: this.setAuth });
    }
  },
}));

/** An auth client with a session holding `token`, whose auth events the test fires. */
function fakeAuth(token: string | null) {
  let listener: (event: AuthChangeEvent, session: Session | null) => void = () => {};
  const auth = {
    getSession: async () => ({
      data: { session: token ? ({ access_token: token } as Session) : null },
      error: null,
    }),
    onAuthStateChange: (callback: typeof listener) => {
      listener = callback;
      return { data: { subscription: { unsubscribe: () => undefined } } };
    },
  };
  return {
    auth: auth as unknown as GoTrueClient,
    emit: (event: AuthChangeEvent, accessToken?: string) =>
      listener(event, accessToken ? ({ access_token: accessToken } as Session) : null),
  };
}

beforeEach(() => {
  realtime.instances.length = 0;
  vi.restoreAllMocks();
});

describe('createLeanClient', () => {
  it('sends the API key and the signed-in user token to PostgREST, as supabase-js', async () => {
    const fetch = vi
      .spyOn(globalThis, 'fetch')
      .mockImplementation(async () => new Response('[]', { status: 200 }));
    const { db } = createLeanClient('https://abcd.supabase.co', 'anon-key', fakeAuth('jwt').auth);

    await db.from('jobs').select('id');

    const [url, init] = fetch.mock.calls[0]!;
    expect(String(url)).toBe('https://abcd.supabase.co/rest/v1/jobs?select=id');
    const headers = new Headers(init?.headers);
    expect(headers.get('apikey')).toBe('anon-key');
    expect(headers.get('Authorization')).toBe('Bearer jwt');
    expect(headers.get('Accept-Profile')).toBe('public');
  });

  it('uses the API key as bearer when nobody is signed in', async () => {
    const fetch = vi
      .spyOn(globalThis, 'fetch')
      .mockImplementation(async () => new Response('[]', { status: 200 }));
    const { db } = createLeanClient('https://abcd.supabase.co', 'anon-key', fakeAuth(null).auth);

    await db.rpc('live_sessions', { p_limit: 1 });

    expect(new Headers(fetch.mock.calls[0]![1]?.headers).get('Authorization')).toBe(
      'Bearer anon-key',
    );
  });

  it('creates the realtime client on first use only, once, with the user token', async () => {
    const { realtime: load } = createLeanClient(
      'http://127.0.0.1:54321',
      'anon-key',
      fakeAuth('jwt').auth,
    );
    expect(realtime.instances).toHaveLength(0);

    const [first, second] = await Promise.all([load(), load()]);

    expect(first).toBe(second);
    expect(realtime.instances).toHaveLength(1);
    const [client] = realtime.instances;
    expect(client!.url).toBe('ws://127.0.0.1:54321/realtime/v1');
    expect(client!.options.params).toEqual({ apikey: 'anon-key' });
    await expect((client!.options.accessToken as () => Promise<string>)()).resolves.toBe('jwt');
    // Set before anything subscribes, so channels never join anonymously.
    expect(client!.setAuth).toHaveBeenCalledTimes(1);
  });

  it('passes new tokens, and the sign-out, to a loaded realtime client at once', async () => {
    const { auth, emit } = fakeAuth('jwt');
    const { realtime: load } = createLeanClient('https://abcd.supabase.co', 'anon-key', auth);
    emit('TOKEN_REFRESHED', 'ignored-before-load');
    await load();
    const { setAuth } = realtime.instances[0]!;
    // The load's own setAuth() only: a token announced before the client existed went nowhere.
    expect(setAuth.mock.calls).toEqual([[]]);
    setAuth.mockClear();

    emit('TOKEN_REFRESHED', 'jwt-2');
    emit('SIGNED_OUT');

    expect(setAuth.mock.calls).toEqual([['jwt-2'], []]);
  });

  it('tries again on the next call after a failed load', async () => {
    realtime.failNext = true;
    const { realtime: load } = createLeanClient(
      'https://abcd.supabase.co',
      'anon-key',
      fakeAuth('jwt').auth,
    );

    await expect(load()).rejects.toThrow('WebSocket not available');
    await expect(load()).resolves.toBeDefined();
    expect(realtime.instances).toHaveLength(1);
  });
});
