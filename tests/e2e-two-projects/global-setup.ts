import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp, servePreview } from '../../scripts/build-app';
import { startTempTwoProjects } from '../support/temp-stack';
import { TWO_PROJECTS_ENV_FILE, type TwoProjectsE2eEnv } from './env';

/**
 * DESIGN §1's two-project layout on free ports (an app and a backend stack), a production build
 * pointed at both (VITE_SUPABASE_URL and VITE_BACKEND_SUPABASE_URL), served by `vite preview`.
 */
export default async function globalSetup() {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'outreach-e2e-two-'));
  // Postgres runs as its own user when we are root, and must reach its data folders through this.
  await chmod(workDir, 0o755);
  const cleanups: (() => Promise<unknown>)[] = [
    () => rm(workDir, { recursive: true, force: true }),
  ];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const temp = await startTempTwoProjects(path.join(workDir, 'stack'));
    cleanups.push(() => temp.destroy());
    const { app, backend } = temp.layout.projects;
    const { anonKey } = temp.app.config;
    const staff = { email: 'e2e-two-projects@demo.local', password: 'e2e-password' };
    await addStaffMember(app.apiUrl, app.dbUrl, anonKey, staff);

    const distDir = path.join(workDir, 'dist');
    await buildApp(distDir, { apiUrl: app.apiUrl, anonKey, backendUrl: backend.apiUrl });
    const server = await servePreview(distDir);
    cleanups.push(() => server.close());

    const env: TwoProjectsE2eEnv = { baseUrl: server.url, app, backend, anonKey, staff };
    const envFile = path.join(workDir, 'env.json');
    await writeFile(envFile, JSON.stringify(env, null, 2));
    process.env[TWO_PROJECTS_ENV_FILE] = envFile;
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

/** A recruiter of the tests' own, added where staff live: the app project. */
async function addStaffMember(
  apiUrl: string,
  dbUrl: string,
  anonKey: string,
  staff: { email: string; password: string },
) {
  const res = await fetch(`${apiUrl}/auth/v1/signup`, {
    method: 'POST',
    headers: { apikey: anonKey, 'Content-Type': 'application/json' },
    body: JSON.stringify(staff),
  });
  if (!res.ok) throw new Error(`Sign-up of the e2e user failed: ${res.status} ${await res.text()}`);
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  try {
    await db.query(
      `insert into public.staff_members (user_id, email, role)
       select id, email, 'recruiter' from auth.users where email = $1`,
      [staff.email],
    );
  } finally {
    await db.end();
  }
}
