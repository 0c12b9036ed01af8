import type { GoTrueClient } from '@supabase/auth-js';
import { PostgrestClient } from '@supabase/postgrest-js';
import type { RealtimeClient } from '@supabase/realtime-js';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from './database.types';

// The parts of supabase-js's client (2.119) this app uses, built from its sub-packages so that the
// first screen loads only what it needs (DESIGN §7): auth-js for the session (supabase-auth.ts);
// postgrest-js (here) with the screens that read data; realtime-js on the first subscription;
// storage and edge functions, never used, not at all. Requests, tokens and realtime auth work as
// in supabase-js.

/** What the query modules need: typed tables and RPCs. A supabase-js client (scripts, tests) fits. */
export type DbClient = Pick<SupabaseClient<Database>, 'from' | 'rpc'>;

export interface LeanClient {
  db: DbClient;
  /** Loads realtime-js on the first call; the client then follows the session's token. */
  realtime: () => Promise<RealtimeClient>;
}

/**
 * One project's tables, RPCs and realtime as the user signed in to `auth`: the same project, or
 * the backend project that accepts the app project's tokens (two-project layout, DESIGN §1).
 */
export function createLeanClient(url: string, key: string, auth: GoTrueClient): LeanClient {
  const base = new URL(`${url.replace(/\/+$/, '')}/`);
  const token = async () => (await auth.getSession()).data.session?.access_token ?? null;
  // As supabase-js: the API key on every request, and the user's token as bearer, else the key.
  const authedFetch: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    if (!headers.has('apikey')) headers.set('apikey', key);
    if (!headers.has('Authorization'))
      headers.set('Authorization', `Bearer ${(await token()) ?? key}`);
    return fetch(input, { ...init, headers });
  };
  const db = new PostgrestClient<Database, { PostgrestVersion: '12' }>(
    new URL('rest/v1', base).href,
    // React Query is the one retry policy (network errors only); PostgREST's own retries would
    // multiply with it and delay every error by several seconds.
    { schema: 'public', fetch: authedFetch, retry: false },
  );

  let loading: Promise<RealtimeClient> | undefined;
  let loaded: RealtimeClient | undefined;
  const realtime = () => {
    if (loading) return loading;
    const attempt = import('@supabase/realtime-js').then(async ({ RealtimeClient }) => {
      const endpoint = new URL('realtime/v1', base);
      endpoint.protocol = endpoint.protocol.replace('http', 'ws');
      const client = new RealtimeClient(endpoint.href, {
        accessToken: async () => (await token()) ?? key,
        fetch: authedFetch,
        params: { apikey: key },
      });
      // Channels join with the user's token, never anonymously.
      await client.setAuth();
      return (loaded = client);
    });
    // After a failed load (network) the next call tries again.
    attempt.catch(() => {
      if (loading === attempt) loading = undefined;
    });
    return (loading = attempt);
  };

  // As supabase-js: an open realtime connection takes each new token (or the anon key) at once.
  auth.onAuthStateChange((event, session) => {
    if (!loaded) return;
    if (event === 'SIGNED_OUT') void loaded.setAuth();
    else if (event === 'SIGNED_IN' || event === 'TOKEN_REFRESHED' || event === 'INITIAL_SESSION')
      void loaded.setAuth(session?.access_token);
  });

  return { db, realtime };
}
