import { AuthClient } from '@supabase/auth-js';
import { readConfig } from './env';

const result = readConfig();
// main.tsx shows the configuration screen instead of loading the app, so this is never reached
// with a broken configuration in the browser.
if (!result.ok) throw new Error(`Invalid configuration: ${result.problems.join(' ')}`);
export const config = result.config;

/**
 * Staff sign in to the app project only (DESIGN §1); the session is kept in localStorage and
 * refreshed, as by supabase-js. The data clients are in supabase.ts (see lean-client.ts).
 */
export const appAuth = new AuthClient({
  url: `${config.appUrl}/auth/v1`, // readConfig drops trailing slashes
  headers: { Authorization: `Bearer ${config.anonKey}`, apikey: config.anonKey },
  // supabase-js's key, so that sessions it saved carry over.
  storageKey: `sb-${new URL(config.appUrl).hostname.split('.')[0]}-auth-token`,
  persistSession: true,
  autoRefreshToken: true,
});
