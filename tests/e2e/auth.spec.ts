import { DEMO_STAFF } from '../../stack/demo';
import { expect, signIn, test } from './support/fixtures';

test.use({ signedInAs: null });

test.describe('signing in and out', () => {
  for (const account of DEMO_STAFF) {
    test(`${account.role} signs in with the demo account ${account.email}`, async ({ page }) => {
      await signIn(page, account.email, account.password);
      await expect(page).toHaveURL(/\/live$/);
      await expect(page.getByRole('heading', { name: 'Live activity' })).toBeVisible();
    });
  }

  test('the demo account buttons fill the form', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('button', { name: 'Use ops@demo.local' }).click();
    await expect(page.getByLabel('Email')).toHaveValue('ops@demo.local');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Live activity' })).toBeVisible();
  });

  test('a wrong password shows the error and stays on the login page', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(DEMO_STAFF[0]!.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByText('Wrong email or password.')).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  });

  test('signing out returns to the login page, and the data pages redirect there', async ({
    page,
  }) => {
    const manager = DEMO_STAFF[2]!;
    await signIn(page, manager.email, manager.password);
    await page.goto('/campaigns');
    await expect(page.getByRole('heading', { name: 'Campaigns' })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByLabel('Email')).toBeVisible();

    for (const path of ['/live', '/campaigns', '/campaigns/Plumber%20-%20London', '/candidates']) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login\?next=/);
      expect(new URL(page.url()).searchParams.get('next')).toBe(path);
      await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    }
    // The session is gone from storage too: nothing signs back in on a reload.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  });

  test('after signing in from a redirect, the page asked for opens', async ({ page }) => {
    const ops = DEMO_STAFF[1]!;
    await page.goto('/candidates');
    await expect(page).toHaveURL(/\/login\?next=%2Fcandidates$/);
    await page.getByLabel('Email').fill(ops.email);
    await page.getByLabel('Password').fill(ops.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(/\/candidates$/);
    await expect(page.getByRole('heading', { name: 'Candidates' })).toBeVisible();
  });
});
