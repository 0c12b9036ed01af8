import { randomUUID } from 'node:crypto';
import { type SupabaseClient, createClient } from '@supabase/supabase-js';
import pg from 'pg';
import { inject } from 'vitest';
import WebSocket from 'ws';
import type { Database } from '@/lib/database.types';
import { DEMO_PASSWORD } from '../../stack/demo/staff';

// Clients of the two-project layout as the dashboard uses them (DESIGN §1): staff sign in to the
// app project; the backend client sends that session's access token (supabase-js `accessToken`).

export const projects = () => inject('twoProjects');
type Project = 'app' | 'backend';

const authOptions = { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false };
const realtime = { transport: WebSocket as never };

/** A client of the app project: sign in, sign up, app tables. */
export function appProjectClient(key = projects().anonKey): SupabaseClient<Database> {
  return createClient<Database>(projects().app.apiUrl, key, { auth: authOptions, realtime });
}

/**
 * A client of the backend project that sends `signedIn`'s current token (anon key if none). Its
 * realtime takes the token before the first join: supabase-js fetches it in the background, and a
 * channel joined first would join anonymously (the dashboard's lean client waits the same way).
 */
export async function backendClientFor(
  signedIn: SupabaseClient<Database> | null,
  key = projects().anonKey,
): Promise<SupabaseClient<Database>> {
  const client = createClient<Database>(projects().backend.apiUrl, key, {
    realtime,
    ...(signedIn && {
      accessToken: async () =>
        (await signedIn.auth.getSession()).data.session?.access_token ?? null,
    }),
  });
  if (signedIn) await client.realtime.setAuth();
  return client;
}

export async function signedInAppClient(email: string, password = DEMO_PASSWORD) {
  const client = appProjectClient();
  const { error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw error;
  return client;
}

/** Anyone can sign up on a Supabase project: authenticated, but no staff member. */
export async function strangerAppClient() {
  const client = appProjectClient();
  const { error } = await client.auth.signUp({
    email: `stranger-${randomUUID()}@example.com`,
    password: 'stranger-password',
  });
  if (error) throw error;
  return client;
}

export async function withProjectDb<T>(project: Project, fn: (db: pg.Client) => Promise<T>) {
  const db = new pg.Client({ connectionString: projects()[project].dbUrl });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

export const sqlIn = async <T>(project: Project, text: string, values: unknown[] = []) =>
  withProjectDb(project, async (db) => (await db.query(text, values)).rows as T[]);
