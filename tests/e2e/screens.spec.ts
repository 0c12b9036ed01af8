import type { Locator, Page } from '@playwright/test';
import { DEMO_EXAMPLES } from '../../stack/demo';
import { expect, expectAccessible, screenshotBothWidths, test } from './support/fixtures';

// Each main screen, once loaded: axe-core finds no serious or critical violation (DESIGN §8), no
// Content-Security-Policy violation is reported (the fixture checks), and a screenshot at 1280 px
// and 768 px goes to test-results/screens/ for people to look at.

async function check(page: Page, name: string, { dialog = false } = {}) {
  await expectAccessible(page, name);
  await screenshotBothWidths(page, name, { fullPage: !dialog });
}

test.describe('signed out', () => {
  test.use({ signedInAs: null });

  test('login', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Demo accounts' })).toBeVisible();
    await check(page, 'login');
  });
});

test.describe('main screens', () => {
  test('live', async ({ page }) => {
    await page.goto('/live');
    await expect(
      page.getByRole('region', { name: 'Sessions' }).locator(':scope > ul > li').first(),
    ).toBeVisible();
    await check(page, 'live');
  });

  test('campaigns', async ({ page }) => {
    await page.goto('/campaigns');
    await expect(page.getByRole('heading', { name: DEMO_EXAMPLES.campaign })).toBeVisible();
    await check(page, 'campaigns');
  });

  test('campaign detail', async ({ page }) => {
    await page.goto(`/campaigns/${encodeURIComponent(DEMO_EXAMPLES.campaign)}`);
    await expect(page.getByText(/^Showing \d+ of \d+/)).toBeVisible();
    await expect(page.getByRole('button', { name: /^Called\b/ })).toBeVisible();
    await check(page, 'campaign-detail');
  });

  test('attention', async ({ page }) => {
    await page.goto('/attention');
    await expect(page.getByRole('list', { name: 'Attention entries' })).toBeVisible();
    await check(page, 'attention');
  });

  test('notification centre', async ({ page }) => {
    await page.goto('/attention');
    await expect(page.getByRole('list', { name: 'Attention entries' })).toBeVisible();
    await page.getByRole('button', { name: /Notifications/ }).click();
    await expect(page.getByRole('region', { name: 'Notification centre' })).toBeVisible();
    await check(page, 'notification-centre', { dialog: true });
  });

  test('candidates', async ({ page }) => {
    await page.goto('/candidates');
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
    await check(page, 'candidates');
  });

  // Each tab opened straight from its link (?candidate=…&tab=…), as a shared URL would.
  const tabs: { tab: string; name: string; ready: (dialog: Locator) => Promise<void> }[] = [
    {
      tab: 'info',
      name: 'Info',
      ready: (dialog) => expect(dialog.getByText(DEMO_EXAMPLES.campaign).first()).toBeVisible(),
    },
    {
      tab: 'notes',
      name: 'Notes',
      ready: (dialog) =>
        expect(dialog.getByRole('region', { name: 'Notes, newest first' })).toBeVisible(),
    },
    {
      tab: 'chat',
      name: 'WhatsApp Chat',
      ready: (dialog) => expect(dialog.getByText('AI', { exact: true }).first()).toBeVisible(),
    },
    {
      tab: 'calls',
      name: 'Calls',
      ready: (dialog) =>
        expect(dialog.getByRole('list', { name: 'Calls, newest first' })).toBeVisible(),
    },
    {
      tab: 'timeline',
      name: 'Timeline',
      ready: (dialog) =>
        expect(dialog.getByRole('list', { name: 'Timeline, newest first' })).toBeVisible(),
    },
  ];
  for (const { tab, name, ready } of tabs) {
    test(`candidate dialog: ${name}`, async ({ page }) => {
      await page.goto(
        `/candidates?candidate=${encodeURIComponent(DEMO_EXAMPLES.phone)}&tab=${tab}`,
      );
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByRole('heading', { name: 'Dave Thompson' })).toBeVisible();
      await expect(dialog.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
      await ready(dialog);
      await check(page, `candidate-${tab}`, { dialog: true });
    });
  }

  test('candidate dialog: a call transcript', async ({ page }) => {
    await page.goto(`/candidates?candidate=${encodeURIComponent(DEMO_EXAMPLES.phone)}&tab=calls`);
    await page.getByRole('dialog').getByRole('button', { name: 'Transcript' }).first().click();
    const transcript = page.getByRole('dialog', { name: 'Call transcript' });
    await expect(transcript.getByRole('list', { name: 'Transcript' })).toBeVisible();
    await check(page, 'candidate-transcript', { dialog: true });
  });
});
