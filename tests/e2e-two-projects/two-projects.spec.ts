import { expect, test } from '@playwright/test';
import path from 'node:path';
import pg from 'pg';
import { DEMO_EXAMPLES } from '../../stack/demo/staff';
import { SCREENS_DIR } from '../e2e/support/e2e-env';
import { twoProjectsEnv } from './env';

// The two-project layout in the browser: staff sign in to the app project, open a candidate (app)
// whose conversation is the backend project's, see a message the agent writes to the backend
// appear live, and add a note, which lands in the app project.

const env = twoProjectsEnv();

async function sql<R>(project: 'app' | 'backend', text: string, values: unknown[] = []) {
  const db = new pg.Client({ connectionString: env[project].dbUrl });
  await db.connect();
  try {
    return (await db.query(text, values)).rows as R[];
  } finally {
    await db.end();
  }
}

test.use({ baseURL: env.baseUrl });

test('sign in, open a candidate, see the backend live, add a note in the app project', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const [dave] = await sql<{ full_name: string }>(
    'app',
    'select full_name from candidates where phone_key = phone_key($1) order by id limit 1',
    [DEMO_EXAMPLES.phone],
  );
  const [session] = await sql<{ session_id: string }>(
    'backend',
    `select session_id from sessions where phone_key(phone_number) = phone_key($1)
     order by updated_at desc limit 1`,
    [DEMO_EXAMPLES.phone],
  );
  const stamp = Date.now();
  const message = `Two projects, live: can you start at 8? (${stamp})`;
  const note = `Two-project e2e note ${stamp}`;

  try {
    await page.goto('/login');
    await page.getByLabel('Email').fill(env.staff.email);
    await page.getByLabel('Password').fill(env.staff.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

    await page.goto(`/candidates?candidate=${encodeURIComponent(DEMO_EXAMPLES.phone)}&tab=chat`);
    const dialog = page.getByRole('dialog', { name: dave!.full_name });
    const log = dialog.getByRole('log');
    await expect(log).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /^Live/ })).toBeVisible();

    await sql(
      'backend',
      `insert into chat_history (session_id, message) values ($1, jsonb_build_object('type', 'ai', 'content', $2::text))`,
      [session!.session_id, message],
    );
    await expect(log.getByText(message)).toBeVisible();

    await dialog.getByRole('tab', { name: /Notes/ }).click();
    await dialog.getByLabel('Add a note').fill(note);
    await dialog.getByRole('button', { name: 'Add note' }).click();
    await expect(dialog.getByText(note)).toBeVisible();
    await expect
      .poll(async () => sql('app', 'select 1 from candidate_notes where body = $1', [note]))
      .toHaveLength(1);
    expect(errors).toEqual([]);
  } finally {
    await sql('backend', `delete from chat_history where message->>'content' = $1`, [message]);
    await sql('app', 'delete from candidate_notes where body = $1', [note]);
  }
});

test('someone signed in who is no staff member is told so, not shown empty pages', async ({
  page,
}) => {
  const stranger = { email: `stranger-${Date.now()}@example.com`, password: 'stranger-password' };
  const signup = await page.request.post(`${env.app.apiUrl}/auth/v1/signup`, {
    headers: { apikey: env.anonKey },
    data: stranger,
  });
  expect(signup.ok()).toBe(true);

  await page.goto('/login');
  await page.getByLabel('Email').fill(stranger.email);
  await page.getByLabel('Password').fill(stranger.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  await expect(page.getByText('Your account has no access to the dashboard')).toBeVisible();
  await expect(page.getByText(`${stranger.email} is not a staff member`)).toBeVisible();
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: path.join(SCREENS_DIR, `two-projects-no-access-${width}.png`) });
  }
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Email')).toBeVisible();
});
