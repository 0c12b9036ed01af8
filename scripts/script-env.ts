import path from 'node:path';
import { REPO_ROOT } from '../stack/config';
import { localProjects } from '../stack/local-layout';

/**
 * Reads `.env.local`, then `.env`, from the repository root, as `.env.example` describes; a
 * variable already set in the shell, or by an earlier file, is never overridden.
 */
export function loadEnvFiles(): void {
  for (const file of ['.env.local', '.env']) {
    try {
      process.loadEnvFile(path.join(REPO_ROOT, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/**
 * The backend's direct Postgres URL: BACKEND_DATABASE_URL, else the local backend's database (the
 * single stack's, or the backend project's while the two-project layout runs).
 */
export function backendDatabaseUrl(env: NodeJS.ProcessEnv = process.env): {
  url: string;
  local: boolean;
} {
  const configured = env.BACKEND_DATABASE_URL?.trim();
  return configured
    ? { url: configured, local: false }
    : { url: localProjects(env).backend.dbUrl, local: true };
}

/** What to try when a connection failed, or null when the error says nothing about that. */
export function connectionHint(error: Error): string | null {
  const message = error.message;
  if (/ECONNREFUSED|fetch failed/.test(message))
    return 'Is the local stack running (npm run stack), or the backend configured (BACKEND_DATABASE_URL, VITE_*)?';
  if (/does not support SSL/.test(message))
    return 'This server has no TLS: add ?sslmode=disable to the database URL.';
  if (/self[- ]signed certificate|unable to verify|unable to get local issuer/i.test(message))
    return "The server's certificate is not trusted here: use sslmode=require (TLS, not verified), or sslmode=verify-full with Supabase's CA file as sslrootcert.";
  return null;
}
