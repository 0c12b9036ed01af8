import { type AccessProblem, type AccessSubject, checkAccess } from './access-check';
import { appClient, backendClient } from './supabase';
import { config } from './supabase-auth';

// The browser's access check, bound to its clients (the check itself is in access-check.ts).
export function checkMyAccess(
  who: AccessSubject,
  signal?: AbortSignal,
): Promise<AccessProblem | null> {
  const backend = config.backend && { db: backendClient.db, url: config.backend.url };
  return checkAccess({ app: appClient.db, backend }, who, signal);
}
