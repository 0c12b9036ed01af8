import type { Locator } from '@playwright/test';
import { DEMO_EXAMPLES } from '../../stack/demo';
import { expect, test } from './support/fixtures';

const CAMPAIGN = DEMO_EXAMPLES.campaign;
const count = (n: number) => n.toLocaleString('en-GB');

/** The value shown under a figure's label (`<dt>Contacts</dt><dd>21</dd>`). */
const figure = (scope: Locator, label: string) =>
  scope
    .locator('dt', { hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');

// Counted here from the tables themselves, not through the read models the page uses.
const CAMPAIGN_COUNTS = `
  with s as (select session_id, status from public.sessions where campaign = $1)
  select
    (select count(*) from s)::int as contacts,
    (select count(*) from s where lower(status) = 'active')::int as active,
    (select count(*) from public.calls c join s using (session_id))::int as calls,
    (select count(*) from public.calls c join s using (session_id) where lower(c.status) = 'completed')::int as completed,
    (select count(*) from public.chat_history h join s using (session_id)
      where public.message_sender(h.message) = 'user')::int as received,
    (select count(*) from public.chat_history h join s using (session_id)
      where public.message_sender(h.message) = 'agent')::int as sent,
    (select count(*) from s where exists (select 1 from public.calls c where c.session_id = s.session_id))::int as called`;

interface Counts {
  contacts: number;
  active: number;
  calls: number;
  completed: number;
  received: number;
  sent: number;
  called: number;
}

test.describe('campaigns', () => {
  test('the numbers on the campaigns page and a campaign page equal SQL counts', async ({
    page,
    sql,
  }) => {
    const [expected] = (await sql<Counts>(CAMPAIGN_COUNTS, [CAMPAIGN])) as [Counts];
    expect(expected.contacts).toBeGreaterThan(0);
    const checkFigures = async (scope: Locator) => {
      await expect(figure(scope, 'Contacts')).toHaveText(count(expected.contacts));
      await expect(figure(scope, 'Active now')).toHaveText(count(expected.active));
      await expect(figure(scope, 'Calls made')).toHaveText(count(expected.calls));
      await expect(figure(scope, 'Calls completed')).toHaveText(count(expected.completed));
      await expect(figure(scope, 'Messages received')).toHaveText(count(expected.received));
      await expect(figure(scope, 'Messages sent')).toHaveText(count(expected.sent));
    };

    await page.goto('/campaigns');
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: CAMPAIGN }) });
    await checkFigures(card);
    const [{ campaigns }] = (await sql<{ campaigns: number }>(
      `select count(*)::int as campaigns from (
         select name from public.campaigns union select campaign from public.sessions where campaign is not null
       ) c`,
    )) as [{ campaigns: number }];
    await expect(page.getByRole('heading', { level: 2 })).toHaveCount(campaigns);

    await card.getByRole('link', { name: CAMPAIGN }).click();
    await expect(page).toHaveURL(/\/campaigns\/Plumber%20-%20London$/);
    await expect(page.getByRole('heading', { level: 1, name: CAMPAIGN })).toBeVisible();
    await checkFigures(page.getByRole('region', { name: 'Campaign statistics' }));
  });

  test('a funnel bar filters the sessions to the ones it counts', async ({ page, sql }) => {
    const [expected] = (await sql<Counts>(CAMPAIGN_COUNTS, [CAMPAIGN])) as [Counts];
    await page.goto(`/campaigns/${encodeURIComponent(CAMPAIGN)}`);
    const sessionsCard = page.locator('#campaign-sessions');
    const summary = sessionsCard.getByText(/^Showing /);
    await expect(summary).toHaveText(
      `Showing ${count(Math.min(expected.contacts, 100))} of ${count(expected.contacts)}, most recently active first`,
    );

    const calledBar = page.getByRole('button', { name: /^Called\b/ });
    await expect(calledBar).toContainText(count(expected.called));
    await calledBar.click();
    await expect(calledBar).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/[?&]reached=called/);
    await expect(summary).toHaveText(
      `Showing ${count(Math.min(expected.called, 100))} of ${count(expected.called)}, most recently active first`,
    );
    await expect(sessionsCard.getByLabel('Reached')).toHaveValue('step:called');
    // Every session listed has at least one call (the Calls column).
    const callCells = sessionsCard.locator('tbody tr td:nth-child(4)');
    await expect(callCells).toHaveCount(Math.min(expected.called, 100));
    for (const cell of await callCells.allTextContents()) expect(Number(cell)).toBeGreaterThan(0);

    // A reload keeps the drill-down.
    await page.reload();
    await expect(page.getByRole('button', { name: /^Called\b/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(summary).toContainText(`of ${count(expected.called)}`);
  });
});
