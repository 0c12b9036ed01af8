import { execFile } from 'node:child_process';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { BACKEND_TABLES } from '@/lib/backend-db';
import { REPO_ROOT } from '../../stack/config';
import { DEMO_STAFF } from '../../stack/demo';
import { migrate } from '../../stack/migrate';
import { stackInfo, withDb } from '../support/clients';

// `npm run backend:test` and `npm run db:explore` as a user runs them: separate processes,
// configured only through the environment, against the test run's stack.

/** Every function of createBackendApi: each must have a row of the backend:test table. */
const API_FUNCTIONS = [
  'getChatHistoryByPhone',
  'getChatHistoryBySession',
  'getSessionByPhone',
  'getSessionById',
  'getCallsByPhone',
  'getCallsBySession',
  'getCampaignInfo',
  'getCampaignStats',
  'getSessionsByCampaign',
  'getCandidateProfile',
  'getCandidateSummary',
  'getChatPage',
  'getLiveSessions',
];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runScript(script: string, env: Record<string, string>): Promise<Run> {
  const { apiUrl, dbUrl, anonKey } = stackInfo();
  // Set, even when empty, every variable the scripts read, so neither the shell nor a .env file
  // (never overridden by one) can point them elsewhere.
  const configured = {
    VITE_SUPABASE_URL: apiUrl,
    VITE_SUPABASE_ANON_KEY: anonKey,
    VITE_BACKEND_SUPABASE_URL: '',
    VITE_BACKEND_SUPABASE_ANON_KEY: '',
    BACKEND_DATABASE_URL: dbUrl,
    BACKEND_TEST_EMAIL: DEMO_STAFF[0]!.email,
    BACKEND_TEST_PASSWORD: DEMO_STAFF[0]!.password,
    SUPABASE_SERVICE_ROLE_KEY: '',
    PGSSLMODE: '',
    ...env,
  };
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', script],
      { cwd: REPO_ROOT, env: { ...process.env, ...configured }, timeout: 90_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A fresh database on the test stack's server, with every migration applied; dropped after. */
async function withFreshDatabase<T>(
  prepare: (db: pg.Client) => Promise<unknown>,
  fn: (url: string) => Promise<T>,
): Promise<T> {
  const name = `backend_scripts_${Date.now()}`;
  await withDb((db) => db.query(`create database ${name}`));
  try {
    const url = stackInfo().dbUrl.replace(/\/postgres$/, `/${name}`);
    await withDb(async (db) => {
      await migrate(db);
      await prepare(db);
    }, url);
    return await fn(url);
  } finally {
    await withDb((db) => db.query(`drop database ${name} with (force)`));
  }
}

describe('npm run backend:test', () => {
  it(
    'passes against the stack: every API function, each row a pass',
    { timeout: 120_000 },
    async () => {
      const { code, stdout, stderr } = await runScript('scripts/backend-test.ts', {});
      expect(code, `${stdout}\n${stderr}`).toBe(0);
      expect(stdout).toContain('every table, column and read model the dashboard needs is there');
      const rows = stdout.split('\n').filter((line) => /^get[A-Z]\w+\s/.test(line));
      expect(rows).toHaveLength(API_FUNCTIONS.length + 1); // campaign stats: one, and all
      expect(new Set(rows.map((row) => row.split(/\s+/)[0]))).toEqual(new Set(API_FUNCTIONS));
      for (const row of rows) expect(row).toMatch(/\s\d[\d,]*\s+\d+\s+pass$/);
      expect(stdout).toContain(`${rows.length} of ${rows.length} passed.`);
    },
  );

  it('fails against a database without `calls`, naming it', { timeout: 120_000 }, async () => {
    await withFreshDatabase(
      (db) => db.query('drop table calls cascade'),
      async (url) => {
        const { code, stdout } = await runScript('scripts/backend-test.ts', {
          BACKEND_DATABASE_URL: url,
        });
        expect(code).toBe(1);
        expect(stdout).toContain('missing table: calls');
        expect(stdout).not.toMatch(/missing (table|column): (?!calls)/);
        // The API is not called against a schema known to be incomplete.
        expect(stdout).not.toMatch(/^getCallsByPhone/m);
      },
    );
  });

  it('names a missing column and a missing read model', { timeout: 120_000 }, async () => {
    await withFreshDatabase(
      (db) =>
        db.query(
          'alter table sessions drop column objectives cascade; drop function live_sessions cascade',
        ),
      async (url) => {
        const { code, stdout } = await runScript('scripts/backend-test.ts', {
          BACKEND_DATABASE_URL: url,
        });
        expect(code).toBe(1);
        expect(stdout).toContain('missing column: sessions.objectives');
        expect(stdout).toContain(
          'missing function: live_sessions(integer, text, text[], text, text[])',
        );
      },
    );
  });

  it('refuses a hosted backend without credentials (exit 2)', { timeout: 60_000 }, async () => {
    const { code, stderr } = await runScript('scripts/backend-test.ts', {
      BACKEND_TEST_EMAIL: '',
      BACKEND_TEST_PASSWORD: '',
    });
    expect(code).toBe(2);
    expect(stderr).toContain('BACKEND_TEST_EMAIL');
  });
});

describe('npm run db:explore', () => {
  it(
    'prints every backend table with a row count, and the JSONB keys',
    { timeout: 120_000 },
    async () => {
      const { code, stdout, stderr } = await runScript('scripts/db-explore.ts', {});
      expect(code, stderr).toBe(0);
      for (const table of BACKEND_TABLES) {
        // In the summary table: name, then its row count.
        expect(stdout).toMatch(new RegExp(`^${table}\\s+~?\\d[\\d,]*\\s`, 'm'));
        // And its own section, with its columns and sample rows.
        expect(stdout).toMatch(new RegExp(`^${table}\\s+\\(~?\\d[\\d,]* rows`, 'm'));
      }
      const jsonSection = stdout.slice(stdout.indexOf('JSONB keys'));
      expect(jsonSection).not.toBe(stdout);
      for (const column of ['chat_history.message', 'sessions.objectives', 'calls.analysis'])
        expect(jsonSection).toMatch(
          new RegExp(`^${column}: \\d[\\d,]* non-null values sampled`, 'm'),
        );
      // Keys the demo data's message and analysis shapes are known to have.
      expect(jsonSection).toMatch(/^\s+type\s+\d[\d,]*\s+\d+\.\d%\s+string/m);
      expect(jsonSection).toMatch(/^\s+call_summary\s/m);
      expect(stdout).toMatch(/^campaign_stats\(text\)\s/m);
    },
  );
});
