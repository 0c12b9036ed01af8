import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../stack/config';
import { projects, sqlIn } from './support';

// The scripts as a user runs them while `npm run stack -- --two-projects` runs: nothing set but
// where the layout's record is (STACK_DATA_DIR); each must find the right project by itself.

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runScript(script: string, args: string[] = [], env: Record<string, string> = {}) {
  const configured = {
    STACK_DATA_DIR: projects().dataDir,
    // Empty, so that neither the shell nor a .env file (never overridden) points elsewhere.
    VITE_SUPABASE_URL: '',
    VITE_SUPABASE_ANON_KEY: '',
    VITE_BACKEND_SUPABASE_URL: '',
    VITE_BACKEND_SUPABASE_ANON_KEY: '',
    BACKEND_DATABASE_URL: '',
    APP_DATABASE_URL: '',
    BACKEND_TEST_EMAIL: '',
    BACKEND_TEST_PASSWORD: '',
    SUPABASE_SERVICE_ROLE_KEY: '',
    ...env,
  };
  return new Promise<Run>((resolve) => {
    execFile(
      'npx',
      ['tsx', script, ...args],
      { cwd: REPO_ROOT, env: { ...process.env, ...configured }, timeout: 90_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('scripts on the two-project layout', () => {
  it(
    'backend:test checks the backend project, signed in at the app project',
    { timeout: 120_000 },
    async () => {
      const { code, stdout, stderr } = await runScript('scripts/backend-test.ts');
      expect(code, `${stdout}\n${stderr}`).toBe(0);
      expect(stdout).toContain(`Backend API: ${projects().backend.apiUrl} (local stack)`);
      expect(stdout).toContain('every table, column and read model the dashboard needs is there');
      expect(stdout).toMatch(/(\d+) of \1 passed\./);
    },
  );

  it(
    'backend:test pointed at the app project as the backend says which check failed',
    { timeout: 120_000 },
    async () => {
      const { app, backend } = projects();
      const asBackend = {
        VITE_SUPABASE_URL: app.apiUrl,
        VITE_SUPABASE_ANON_KEY: projects().anonKey,
        VITE_BACKEND_SUPABASE_URL: app.apiUrl.replace('127.0.0.1', 'localhost'),
        BACKEND_TEST_EMAIL: 'ops@demo.local',
        BACKEND_TEST_PASSWORD: 'demo-password',
      };
      const schema = await runScript('scripts/backend-test.ts', [], {
        ...asBackend,
        BACKEND_DATABASE_URL: app.dbUrl,
      });
      expect(schema.code).toBe(1);
      expect(schema.stdout).toContain('missing table: sessions');
      expect(schema.stdout).toContain('Schema check failed');

      // Without a database URL the schema check is skipped: the API check names the problem.
      const api = await runScript('scripts/backend-test.ts', [], asBackend);
      expect(api.code).toBe(1);
      expect(api.stderr).toContain("The backend project lacks the dashboard's migrations");
      expect(backend.apiUrl).not.toBe(app.apiUrl);
    },
  );

  it('simulate writes to the backend project', { timeout: 120_000 }, async () => {
    const count = async () =>
      Number(
        (await sqlIn<{ n: string }>('backend', 'select count(*) as n from chat_history'))[0]!.n,
      );
    const before = await count();
    const { code, stdout, stderr } = await runScript('scripts/simulate.ts', [
      '--rate',
      '20',
      '--duration',
      '2',
      '--seed',
      '5',
    ]);
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toContain(projects().backend.dbUrl.replace(/:postgres@/, ':•••@'));
    expect(await count()).toBeGreaterThan(before);
  });

  it("db:explore describes the backend project's tables", { timeout: 120_000 }, async () => {
    const { code, stdout, stderr } = await runScript('scripts/db-explore.ts');
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toMatch(/^chat_history {2}\(/m);
    expect(stdout).not.toMatch(/^candidates {2}\(/m);
  });
});
