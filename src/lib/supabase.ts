import { createLeanClient } from './lean-client';
import { appAuth, config } from './supabase-auth';

// Loaded with the first screen that reads data, not with the sign-in (see lean-client.ts).
const { appUrl, anonKey, backend } = config;

export const appClient = createLeanClient(appUrl, anonKey, appAuth);

// Two-project layout: the backend accepts the app project's session token because both projects
// share one JWT secret (DESIGN §1).
export const backendClient = backend
  ? createLeanClient(backend.url, backend.anonKey, appAuth)
  : appClient;
