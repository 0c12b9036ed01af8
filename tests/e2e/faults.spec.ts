import type { Page, Route } from '@playwright/test';
import { DEMO_EXAMPLES } from '../../stack/demo';
import { controlStack } from '../support/stack-control';
import { expect, expectLive, test } from './support/fixtures';

// Issue 7 §3: the API going away, slow answers and failed requests. None of them may leave a blank
// page or lose data.

const sessionCards = (page: Page) =>
  page.getByRole('region', { name: 'Sessions' }).locator(':scope > ul > li');
const indicator = (page: Page) => page.getByRole('banner').getByRole('status');
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test.describe('the stack goes down while the app is open', () => {
  test('shows the error and Offline, keeps its data, recovers by itself and loses no row', async ({
    page,
    sql,
    env,
  }) => {
    test.setTimeout(180_000);
    const campaign = `Outage ${Date.now()}`;
    // A campaign of its own, so that what the page shows can be counted exactly.
    await sql(
      `insert into public.sessions (session_id, phone_number, campaign, status, created_at, updated_at)
       select 'outage_before_' || i || '_' || $2, '+4477009' || lpad((10000 + i)::text, 5, '0'),
              $1, 'active', now(), now()
       from generate_series(1, 3) i`,
      [campaign, Date.now()],
    );
    try {
      await page.goto(`/live?campaign=${encodeURIComponent(campaign)}`);
      await expect(sessionCards(page)).toHaveCount(3);
      await expectLive(page);
      const before = await sessionCards(page).allTextContents();

      const written: string[] = [];
      let down = false;
      try {
        await controlStack(env.controlUrl, 'stop');
        down = true;
        await expect(indicator(page)).toHaveText(/Reconnecting|Offline/, { timeout: 20_000 });
        // The next poll fails (after React Query's retries): a clear error, with the data kept.
        await expect(page.getByText("Couldn't refresh the sessions")).toBeVisible({
          timeout: 45_000,
        });
        await expect(page.getByText("Can't reach the server.", { exact: false })).toBeVisible();
        await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
        expect(await sessionCards(page).allTextContents()).toEqual(before);

        // The agent keeps writing to its database meanwhile.
        for (let i = 1; i <= 4; i++) {
          const phone = `+4477009${String(20000 + i)}`;
          await sql(
            `insert into public.sessions (session_id, phone_number, campaign, status, created_at, updated_at)
             values ($1, $2, $3, 'active', now(), now())`,
            [`outage_during_${i}_${Date.now()}`, phone, campaign],
          );
          written.push(phone);
        }
      } finally {
        if (down) await controlStack(env.controlUrl, 'start');
      }

      // Back by itself: no reload, no click.
      await expect(indicator(page)).toHaveText(/^Live/, { timeout: 45_000 });
      await expect(sessionCards(page)).toHaveCount(3 + written.length, { timeout: 20_000 });
      const [{ n }] = (await sql<{ n: number }>(
        'select count(*)::int as n from public.sessions where campaign = $1',
        [campaign],
      )) as [{ n: number }];
      expect(n).toBe(3 + written.length);
      for (const phone of written)
        await expect(
          sessionCards(page).filter({ hasText: `+44 ${phone.slice(3, 7)} ${phone.slice(7)}` }),
        ).toHaveCount(1);
      await expect(page.getByText("Couldn't refresh the sessions")).toBeHidden();
      await expect(page.getByText(`${n} conversations active now`)).toBeVisible();
    } finally {
      await sql('delete from public.sessions where campaign = $1', [campaign]);
    }
  });
});

test.describe('slow and failing requests', () => {
  /**
   * Holds every REST request from `hold()` until `release()`, so the loading state can be looked
   * at. One route for the whole test, switched on and off: routes added and removed between
   * screens let a screen's requests slip through now and then (seen twice in CI).
   */
  async function holdRest(page: Page) {
    const held: Route[] = [];
    let holding = false;
    await page.route('**/rest/v1/**', async (route) => {
      if (holding) held.push(route);
      else await route.continue();
    });
    return {
      held,
      hold: () => {
        holding = true;
      },
      release: async () => {
        holding = false;
        await Promise.all(held.splice(0).map((route) => route.continue()));
      },
    };
  }

  test('slow answers show skeletons, never a blank page', async ({ page }) => {
    // For each screen: what shows at once (the page's frame), its skeleton, and its data.
    const pulse = '.animate-pulse';
    const screens = [
      {
        path: '/live',
        frame: page.getByRole('heading', { level: 1, name: 'Live activity' }),
        loading: page.getByRole('list', { name: 'Loading sessions' }).locator(pulse).first(),
        loaded: sessionCards(page).first(),
      },
      {
        path: '/campaigns',
        frame: page.getByRole('heading', { level: 1, name: 'Campaigns' }),
        loading: page.getByRole('region', { name: 'Campaign statistics' }).locator(pulse).first(),
        loaded: page.getByRole('heading', { name: DEMO_EXAMPLES.campaign }),
      },
      {
        path: `/campaigns/${encodeURIComponent(DEMO_EXAMPLES.campaign)}`,
        frame: page.getByRole('link', { name: 'Live' }),
        loading: page.getByLabel('Loading the campaign').locator(pulse).first(),
        loaded: page.getByRole('heading', { level: 1, name: DEMO_EXAMPLES.campaign }),
      },
      {
        path: '/candidates',
        frame: page.getByRole('heading', { level: 1, name: 'Candidates' }),
        loading: page.locator('table[aria-busy="true"]').locator(pulse).first(),
        loaded: page.getByRole('table').getByRole('row').nth(1).getByRole('link').first(),
      },
      {
        path: `/candidates?candidate=${encodeURIComponent(DEMO_EXAMPLES.phone)}&tab=chat`,
        frame: page.getByRole('tab', { name: 'WhatsApp Chat' }),
        loading: page.getByLabel('Loading the conversation').locator(pulse).first(),
        loaded: page.getByRole('log'),
      },
    ];
    const rest = await holdRest(page);
    for (const screen of screens) {
      await test.step(screen.path, async () => {
        rest.hold();
        await page.goto(screen.path);
        await expect(screen.frame).toBeVisible();
        await expect(screen.loading).toBeVisible();
        await expect.poll(() => rest.held.length).toBeGreaterThan(0);
        // Still waiting a while later: still the page's shape, not a blank or an error.
        await delay(1_500);
        await expect(screen.loading).toBeVisible();
        await expect(page.getByRole('alert')).toHaveCount(0);
        await rest.release();
        await expect(screen.loaded).toBeVisible();
      });
    }
    await page.unrouteAll({ behavior: 'wait' });
  });

  test('a request that times out shows Retry, and Retry loads it', async ({ page }) => {
    // Every attempt times out, React Query's retries included, until the network is back.
    let failing = true;
    await page.route('**/rest/v1/rpc/live_sessions', (route) =>
      failing ? route.abort('timedout') : route.continue(),
    );
    await page.goto('/live');
    await expect(page.getByText("Couldn't load the sessions")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("Can't reach the server.", { exact: false })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Live activity' })).toBeVisible();
    failing = false;
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(sessionCards(page).first()).toBeVisible();
    await expect(page.getByText("Couldn't load the sessions")).toBeHidden();

    // The same inside the candidate dialog.
    failing = true;
    await page.route('**/rest/v1/rpc/chat_page', (route) =>
      failing ? route.abort('timedout') : route.continue(),
    );
    await page.goto(`/candidates?candidate=${encodeURIComponent(DEMO_EXAMPLES.phone)}&tab=chat`);
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByText("Couldn't load the conversation")).toBeVisible({
      timeout: 30_000,
    });
    failing = false;
    await dialog.getByRole('button', { name: 'Retry' }).click();
    await expect(dialog.getByRole('log')).toBeVisible();
  });
});
