import type { Page } from '@playwright/test';
import { DEMO_EXAMPLES, DEMO_STAFF } from '../../stack/demo';
import { expect, expectLive, screenshotBothWidths, signIn, test } from './support/fixtures';

// The Attention page (issue 18) as ops use it: the agent's writes open and close entries, and two
// staff members see each other's actions live.

const CAMPAIGN = DEMO_EXAMPLES.campaign;
const OPS = DEMO_STAFF.find((s) => s.role === 'ops')!;

/** A session of the test's own, with its phone as the Attention page shows it. */
function newSession(tag: string) {
  const digits = `447700${String(Date.now()).slice(-6)}`;
  return {
    id: `e2e_attention_${tag}_${digits}`,
    phone: `+${digits}`,
    shown: `+44 ${digits.slice(2, 6)} ${digits.slice(6)}`,
  };
}

const entryCard = (page: Page, shown: string) =>
  page
    .getByRole('list', { name: 'Attention entries' })
    .locator(':scope > li')
    .filter({ has: page.getByRole('link', { name: shown }) });

test.describe('the Attention page', () => {
  test('two staff members: one takes an escalated conversation, the other sees it taken', async ({
    page,
    browser,
    env,
    sql,
  }) => {
    const session = newSession('taken');
    const url = `/attention?reason=escalated&campaign=${encodeURIComponent(CAMPAIGN)}`;
    // A fresh browser of its own (not the shared signed-in state): the ops member signs in.
    const other = await browser.newContext({
      baseURL: env.baseUrl,
      storageState: { cookies: [], origins: [] },
    });
    const opsPage = await other.newPage();
    try {
      await sql(
        `insert into public.sessions (session_id, phone_number, campaign, status, objectives, created_at, updated_at)
         values ($1, $2, $3, 'escalated', '{}', now(), now())`,
        [session.id, session.phone, CAMPAIGN],
      );
      await sql(
        `insert into public.numbers (phone_number, session_id, campaign) values ($1, $2, $3)`,
        [session.phone, session.id, CAMPAIGN],
      );
      await signIn(opsPage, OPS.email, OPS.password);
      await Promise.all([page.goto(url), opsPage.goto(url)]);
      await Promise.all([expectLive(page), expectLive(opsPage)]);

      const mine = entryCard(page, session.shown);
      const theirs = entryCard(opsPage, session.shown);
      await expect(mine).toContainText('The agent escalated this conversation to a person');
      await expect(theirs.getByText('Nobody has this yet.')).toBeVisible();

      await mine.getByRole('button', { name: 'Assign to me' }).click();
      await expect(mine.getByText('You have this')).toBeVisible();
      // Within seconds, without a reload: the app project's realtime carries the claim.
      await expect(theirs.getByText(`Taken by ${env.staff.email}`)).toBeVisible({
        timeout: 10_000,
      });
      await expect(theirs.getByRole('button', { name: 'Take over' })).toBeVisible();
      await theirs.getByText('History').click();
      await expect(theirs).toContainText(`${env.staff.email} assigned it to ${env.staff.email}`);

      // The candidate dialog opened from the entry says the same in its header.
      await theirs.getByRole('link', { name: session.shown }).click();
      const header = opsPage.getByRole('dialog').getByRole('region', { name: 'Needs a person' });
      await expect(header).toContainText('The agent escalated this conversation to a person');
      await expect(header).toContainText(`Taken by ${env.staff.email}`);
      await screenshotBothWidths(opsPage, 'candidate-attention-header', { fullPage: false });
    } finally {
      await other.close();
      await sql('delete from public.attention_events where session_id = $1', [session.id]);
      await sql('delete from public.attention_claims where session_id = $1', [session.id]);
      await sql('delete from public.numbers where session_id = $1', [session.id]);
      await sql('delete from public.sessions where session_id = $1', [session.id]);
    }
  });

  test('a candidate left waiting appears, and leaves when the agent answers', async ({
    page,
    sql,
  }) => {
    const session = newSession('waiting');
    try {
      await page.goto(`/attention?reason=awaiting_reply&campaign=${encodeURIComponent(CAMPAIGN)}`);
      await expect(page.getByRole('list', { name: 'Attention entries' })).toBeVisible();
      await expectLive(page);

      await sql(
        `insert into public.sessions (session_id, phone_number, campaign, status, objectives, created_at, updated_at)
         values ($1, $2, $3, 'active', '{}', now() - interval '1 hour', now() - interval '1 hour')`,
        [session.id, session.phone, CAMPAIGN],
      );
      await sql(
        `insert into public.numbers (phone_number, session_id, campaign) values ($1, $2, $3)`,
        [session.phone, session.id, CAMPAIGN],
      );
      // The candidate wrote 11 minutes ago: past the default 10-minute wait.
      await sql(
        `insert into public.chat_history (session_id, message, created_at)
         values ($1, $2, now() - interval '11 minutes')`,
        [session.id, { type: 'human', content: 'Is the plumbing job still open?' }],
      );
      const card = entryCard(page, session.shown);
      await expect(card).toContainText('The candidate wrote and the agent has not answered');

      await sql(`insert into public.chat_history (session_id, message) values ($1, $2)`, [
        session.id,
        { type: 'ai', content: 'Yes it is! When could you start?' },
      ]);
      await expect(card).toHaveCount(0);
    } finally {
      await sql('delete from public.chat_history where session_id = $1', [session.id]);
      await sql('delete from public.numbers where session_id = $1', [session.id]);
      await sql('delete from public.sessions where session_id = $1', [session.id]);
    }
  });
});
