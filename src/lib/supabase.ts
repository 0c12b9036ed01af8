import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from './database.types';
import { readConfig } from './env';

const result = readConfig();
// main.tsx shows the configuration screen instead of loading the app, so this is never reached
// with a broken configuration in the browser.
if (!result.ok) throw new Error(`Invalid configuration: ${result.problems.join(' ')}`);
const { appUrl, anonKey, backend } = result.config;

// React Query is the one retry policy (network errors only); PostgREST's own retries would
// multiply with it and delay every error by several seconds.
const db = { retry: false };

export const appClient: SupabaseClient<Database> = createClient<Database>(appUrl, anonKey, {
  auth: { persistSession: true, autoRefreshToken: true },
  db,
});

// Two-project layout: staff sign in to the app project only, and the backend accepts that
// session's token because both projects share one JWT secret (DESIGN §1).
export const backendClient: SupabaseClient<Database> = backend
  ? createClient<Database>(backend.url, backend.anonKey, {
      accessToken: async () =>
        (await appClient.auth.getSession()).data.session?.access_token ?? null,
      db,
    })
  : appClient;
