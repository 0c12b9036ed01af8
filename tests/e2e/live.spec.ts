import { DEMO_EXAMPLES } from '../../stack/demo';
import type { Page } from '@playwright/test';
import { expect, expectLive, test } from './support/fixtures';

const CAMPAIGN = DEMO_EXAMPLES.campaign;
const FIRST_PAGE = 50;

/** One list item per session (objective badges are list items too, inside each card). */
const sessionCards = (page: Page) =>
  page.getByRole('region', { name: 'Sessions' }).locator(':scope > ul > li');

test.describe('the Live page', () => {
  test('filters narrow the list to what SQL counts, and survive a reload', async ({
    page,
    sql,
  }) => {
    await page.goto('/live');
    const sessions = page.getByRole('region', { name: 'Sessions' });
    const cards = sessionCards(page);
    await expect(cards.first()).toBeVisible();
    const unfiltered = await cards.count();

    await page.getByLabel('Campaign').selectOption(CAMPAIGN);
    await page
      .getByRole('group', { name: 'Status' })
      .getByRole('button', { name: /^Active/ })
      .click();
    await expect(page).toHaveURL(/[?&]campaign=Plumber/);
    await expect(page).toHaveURL(/[?&]status=active/);

    const [{ n }] = (await sql<{ n: number }>(
      `select count(*)::int as n from public.sessions
       where campaign = $1 and lower(status) = 'active'`,
      [CAMPAIGN],
    )) as [{ n: number }];
    const expected = Math.min(n, FIRST_PAGE);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(unfiltered);

    const checkFiltered = async () => {
      await expect(sessions).toHaveAttribute('aria-busy', 'false');
      await expect(cards).toHaveCount(expected);
      for (const card of await cards.all()) {
        await expect(card).toContainText(CAMPAIGN);
        await expect(card).toContainText('Active');
      }
    };
    await checkFiltered();

    await page.reload();
    await expect(page.getByLabel('Campaign')).toHaveValue(CAMPAIGN);
    await expect(
      page.getByRole('group', { name: 'Status' }).getByRole('button', { name: /^Active/ }),
    ).toHaveAttribute('aria-pressed', 'true');
    await checkFiltered();
  });

  test('a session the agent starts appears without a reload', async ({ page, sql }) => {
    const digits = `447700${String(Date.now()).slice(-6)}`;
    await page.goto(`/live?campaign=${encodeURIComponent(CAMPAIGN)}`);
    await expect(sessionCards(page).first()).toBeVisible();
    await expectLive(page);

    await sql(
      `insert into public.sessions (session_id, phone_number, campaign, status, objectives, created_at, updated_at)
       values ($1, $2, $3, 'active', '{}', now(), now())`,
      [`e2e_${digits}`, `+${digits}`, CAMPAIGN],
    );
    await sql(
      `insert into public.numbers (phone_number, session_id, campaign) values ($1, $2, $3)`,
      [`+${digits}`, `e2e_${digits}`, CAMPAIGN],
    );
    const shown = `+44 ${digits.slice(2, 6)} ${digits.slice(6)}`;
    try {
      await expect(page.getByRole('region', { name: 'Sessions' }).getByText(shown)).toBeVisible();
    } finally {
      await sql('delete from public.numbers where session_id = $1', [`e2e_${digits}`]);
      await sql('delete from public.sessions where session_id = $1', [`e2e_${digits}`]);
    }
  });
});
