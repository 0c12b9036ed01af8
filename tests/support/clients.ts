import { randomUUID } from 'node:crypto';
import { type SupabaseClient, createClient } from '@supabase/supabase-js';
import pg from 'pg';
import { inject } from 'vitest';
import WebSocket from 'ws';
import type { Database } from '@/lib/database.types';
import { DEMO_STAFF } from '../../stack/demo';

export const stackInfo = () => inject('stack');

/** The official client as the browser uses it; Node 20 needs `ws` for realtime (DESIGN §5). */
export function newClient(
  key = stackInfo().anonKey,
  url = stackInfo().apiUrl,
  fetchImpl?: typeof fetch,
): SupabaseClient<Database> {
  return createClient<Database>(url, key, {
    ...(fetchImpl && { global: { fetch: fetchImpl } }),
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as never },
  });
}

export async function signedInClient(
  email: string,
  password = DEMO_STAFF[0]!.password,
): Promise<SupabaseClient> {
  const client = newClient();
  const { error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw error;
  return client;
}

/** Anyone can sign up on a Supabase project: such a user is authenticated but not staff. */
export async function strangerClient(): Promise<{
  client: SupabaseClient<Database>;
  email: string;
}> {
  const client = newClient();
  const email = `stranger-${randomUUID()}@example.com`;
  const { error } = await client.auth.signUp({ email, password: 'stranger-password' });
  if (error) throw error;
  return { client, email };
}

export async function withDb<T>(
  fn: (client: pg.Client) => Promise<T>,
  connectionString = stackInfo().dbUrl,
): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export const BACKEND_TABLES = [
  'numbers',
  'sessions',
  'chat_history',
  'calls',
  'campaigns',
] as const;
export const APP_TABLES = ['candidates', 'jobs', 'candidate_notes', 'staff_members'] as const;
export const ALL_TABLES = [...BACKEND_TABLES, ...APP_TABLES] as const;
