import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../stack/demo';
import { migrate } from '../../stack/migrate';
import { stackInfo, withDb } from '../support/clients';
import { TEST_DEMO_ANCHOR } from '../support/temp-stack';

// `npm run simulate` against its own database (migrated and seeded like the stack's), so the
// rows it writes do not race other tests that count rows in the stack's database.

const name = `simulate_${Date.now()}`;
const url = () => stackInfo().dbUrl.replace(/\/postgres$/, `/${name}`);
const TABLES = ['sessions', 'numbers', 'chat_history', 'calls'] as const;

function simulate(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/simulate.ts', ...args], {
    env: { ...process.env, BACKEND_DATABASE_URL: url() },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, exited, output: () => ({ stdout, stderr }) };
}

const counts = () =>
  withDb(async (db) => {
    const result = {} as Record<(typeof TABLES)[number], number>;
    for (const table of TABLES)
      result[table] = Number(
        (await db.query(`select count(*) as n from public.${table}`)).rows[0].n,
      );
    return result;
  }, url());

beforeAll(async () => {
  await withDb((db) => db.query(`create database ${name}`));
  await withDb(async (db) => {
    await migrate(db);
    await seedDemoData(db, {
      anchor: TEST_DEMO_ANCHOR,
      recordingBaseUrl: 'http://127.0.0.1/storage/v1/object/public/recordings',
    });
  }, url());
});

afterAll(async () => {
  await withDb((db) => db.query(`drop database if exists ${name} with (force)`));
});

describe('npm run simulate', () => {
  it('writes conversations, messages, calls and session changes at the rate asked, then exits 0', async () => {
    const before = await counts();
    const updatedBefore = await withDb(
      async (db) =>
        (await db.query('select max(updated_at) as t from public.sessions')).rows[0].t as Date,
      url(),
    );
    const run = simulate(['--rate', '40', '--duration', '2', '--seed', '11']);
    expect(await run.exited).toBe(0);
    const { stdout, stderr } = run.output();
    expect(stderr).toBe('');
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Simulating agent activity in postgresql:\/\/postgres:•••@/);
    expect(lines.at(-1)).toMatch(/^Stopped after 2\.\d s: /);
    const events = lines.slice(1, -1);
    expect(events.length).toBeGreaterThan(50); // ~80 at 40/s for 2 s
    expect(events.length).toBeLessThanOrEqual(81);

    const after = await counts();
    expect(after.chat_history).toBeGreaterThan(before.chat_history);
    expect(after.sessions).toBeGreaterThan(before.sessions);
    expect(after.numbers - before.numbers).toBe(after.sessions - before.sessions);
    expect(after.calls).toBeGreaterThanOrEqual(before.calls);
    const touched = await withDb(
      async (db) =>
        Number(
          (
            await db.query('select count(*) as n from public.sessions where updated_at > $1', [
              updatedBefore,
            ])
          ).rows[0].n,
        ),
      url(),
    );
    expect(touched).toBeGreaterThan(0);
    for (const kind of ['new', 'message'])
      expect(events.some((line) => line.split(/\s+/)[1] === kind)).toBe(true);
  });

  it('stops cleanly on Ctrl-C', async () => {
    const run = simulate(['--rate', '20']);
    await expect
      .poll(() => run.output().stdout.split('\n').length, { timeout: 15_000 })
      .toBeGreaterThan(4);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.output().stdout).toMatch(/Stopped after [\d.]+ s: /);
  });

  it('explains a bad flag', async () => {
    const run = simulate(['--rate', 'fast']);
    expect(await run.exited).toBe(2);
    expect(run.output().stderr).toContain('--rate must be');
  });
});
