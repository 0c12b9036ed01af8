import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../../scripts/build-app';
import { servePreview } from '../../scripts/build-app';
import { startStackControl } from '../support/stack-control';
import { startTempStack } from '../support/temp-stack';
import { E2E_ENV_FILE, type E2eEnv, SCREENS_DIR } from './support/e2e-env';

const STAFF = { email: 'e2e-recruiter@demo.local', password: 'e2e-password' };

/**
 * One local stack on free ports (deterministic demo data), a production build pointed at it and
 * served by `vite preview`, and a control server that fault tests use to take the API down.
 * Everything lives in one temporary folder and is stopped and removed by the returned teardown.
 */
export default async function globalSetup() {
  // This run's screenshots only (Playwright cleans its own output folder, not this one).
  await rm(SCREENS_DIR, { recursive: true, force: true });
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'outreach-e2e-'));
  // Postgres runs as its own user when we are root, and must reach its data folder through this.
  await chmod(workDir, 0o755);
  const cleanups: (() => Promise<unknown>)[] = [
    () => rm(workDir, { recursive: true, force: true }),
  ];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };

  try {
    const temp = await startTempStack(path.join(workDir, 'stack'));
    cleanups.push(() => temp.destroy());
    const control = await startStackControl(temp.stack);
    cleanups.push(() => control.close());
    const { apiUrl, dbUrl, config } = temp.stack;

    await addStaffMember(apiUrl, dbUrl, config.anonKey);

    const distDir = path.join(workDir, 'dist');
    await buildApp(distDir, { apiUrl, anonKey: config.anonKey });
    const server = await servePreview(distDir);
    cleanups.push(() => server.close());
    const baseUrl = server.url;

    const env: E2eEnv = {
      baseUrl,
      apiUrl,
      dbUrl,
      anonKey: config.anonKey,
      controlUrl: control.url,
      distDir,
      staff: STAFF,
    };
    const envFile = path.join(workDir, 'e2e-env.json');
    await writeFile(envFile, JSON.stringify(env, null, 2));
    // Workers start after this and inherit the variable.
    process.env[E2E_ENV_FILE] = envFile;
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

/** A recruiter of the tests' own, so flows that sign the demo accounts out disturb nobody. */
async function addStaffMember(apiUrl: string, dbUrl: string, anonKey: string) {
  const res = await fetch(`${apiUrl}/auth/v1/signup`, {
    method: 'POST',
    headers: { apikey: anonKey, 'Content-Type': 'application/json' },
    body: JSON.stringify(STAFF),
  });
  if (!res.ok) throw new Error(`Sign-up of the e2e user failed: ${res.status} ${await res.text()}`);
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  try {
    await db.query(
      `insert into public.staff_members (user_id, email, role)
       select id, email, 'recruiter' from auth.users where email = $1`,
      [STAFF.email],
    );
  } finally {
    await db.end();
  }
}
