// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '@/app/app';
import { signIn, signOut } from '@/lib/auth-api';
import { formatPhone } from '@/lib/normalizers';
import { DEMO_STAFF } from '../../stack/demo';
import { stackInfo, withDb } from '../support/clients';
import { controlStack } from '../support/stack-control';

// Issue 7 §3, without a browser: the real app (router, providers, supabase-js, realtime) in jsdom
// against the test stack, whose API this file takes down and brings back. Latency and timeouts
// are injected by wrapping fetch, because the real stack can't produce them on demand.
// (tests/e2e/faults.spec.ts runs the same faults in Chromium.)

const ops = DEMO_STAFF[1]!;
const RUN = Date.now();

beforeAll(async () => {
  await signIn(ops.email, ops.password);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

afterAll(async () => {
  await signOut();
});

const sql = <T,>(query: string, params: unknown[] = []) =>
  withDb(async (db) => (await db.query(query, params)).rows as T[]);

const sessionCards = () =>
  within(screen.getByRole('region', { name: 'Sessions' })).queryAllByRole('heading', { level: 2 });
const indicator = () => within(screen.getByRole('banner')).getByRole('status');

function openApp(url: string) {
  window.history.replaceState(null, '', url);
  render(<App />);
}

/** Sessions of a campaign of the test's own, so what the page shows can be counted exactly. */
async function insertSessions(campaign: string, from: number, count: number) {
  const phones = Array.from({ length: count }, (_, i) => `+4477006${String(10000 + from + i)}`);
  await sql(
    `insert into public.sessions (session_id, phone_number, campaign, status, created_at, updated_at)
     select 'fault_' || $3 || '_' || p, p, $1, 'active', now(), now() from unnest($2::text[]) p`,
    [campaign, phones, RUN],
  );
  return phones;
}

describe('the API goes down while the Live page is open', () => {
  it('shows the error and Offline, keeps its data, recovers by itself and loses no row', async () => {
    const campaign = `Fault ${RUN}`;
    const before = await insertSessions(campaign, 0, 3);
    try {
      openApp(`/live?campaign=${encodeURIComponent(campaign)}`);
      await waitFor(() => expect(sessionCards()).toHaveLength(3));
      await waitFor(() => expect(indicator()).toHaveTextContent(/^Live/));
      const shown = sessionCards().map((h) => h.textContent);
      expect(shown.sort()).toEqual(before.map((p) => expect.stringContaining(formatPhone(p))));

      let written: string[] = [];
      await controlStack(stackInfo().controlUrl, 'stop');
      try {
        await waitFor(() => expect(indicator()).toHaveTextContent(/Reconnecting|Offline/), {
          timeout: 20_000,
        });
        // The next poll fails, after React Query's retries: a clear error, and the data kept.
        await screen.findByText("Couldn't refresh the sessions", {}, { timeout: 45_000 });
        expect(screen.getByText(/Can't reach the server\./)).toBeInTheDocument();
        expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
        expect(sessionCards().map((h) => h.textContent)).toEqual(shown);
        // The agent keeps writing to its database meanwhile (Postgres alone is still up).
        written = await insertSessions(campaign, 3, 4);
      } finally {
        await controlStack(stackInfo().controlUrl, 'start');
      }

      // Back by itself: no reload, no click.
      await waitFor(() => expect(indicator()).toHaveTextContent(/^Live/), { timeout: 45_000 });
      await waitFor(() => expect(sessionCards()).toHaveLength(7), { timeout: 30_000 });
      const [{ n }] = (await sql<{ n: number }>(
        'select count(*)::int as n from public.sessions where campaign = $1',
        [campaign],
      )) as [{ n: number }];
      expect(n).toBe(before.length + written.length);
      const titles = sessionCards().map((h) => h.textContent ?? '');
      for (const phone of [...before, ...written])
        expect(titles.filter((t) => t.includes(formatPhone(phone)))).toHaveLength(1);
      expect(screen.queryByText("Couldn't refresh the sessions")).not.toBeInTheDocument();
    } finally {
      await sql('delete from public.sessions where campaign = $1', [campaign]);
    }
  }, 180_000);
});

describe('slow and failing requests', () => {
  /** Holds REST requests whose URL matches until released; everything else goes through. */
  function holdRequests(matches: (url: string) => boolean) {
    const realFetch = globalThis.fetch;
    const held: (() => void)[] = [];
    let released = false;
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!released && matches(url)) await new Promise<void>((resolve) => held.push(resolve));
      return realFetch(input, init);
    });
    return {
      held: () => held.length,
      release: () => {
        released = true;
        held.splice(0).forEach((resolve) => resolve());
      },
    };
  }

  it('a slow answer shows the skeleton and the page, never a blank page or an error', async () => {
    const rest = holdRequests((url) => url.includes('/rest/v1/rpc/live_sessions'));
    openApp('/live');
    expect(await screen.findByRole('heading', { level: 1, name: 'Live activity' })).toBeVisible();
    const skeleton = await screen.findByRole('list', { name: 'Loading sessions' });
    await waitFor(() => expect(rest.held()).toBeGreaterThan(0));
    // Still waiting a while later: still the page's shape and its skeleton.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(skeleton).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    rest.release();
    await waitFor(() => expect(sessionCards().length).toBeGreaterThan(0));
    expect(screen.queryByRole('list', { name: 'Loading sessions' })).not.toBeInTheDocument();
  });

  it('a request that times out shows Retry, and Retry loads it', async () => {
    const realFetch = globalThis.fetch;
    let failing = true;
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (failing && url.includes('/rest/v1/rpc/live_sessions'))
        return Promise.reject(new DOMException('The operation timed out.', 'TimeoutError'));
      return realFetch(input, init);
    });
    openApp('/live');
    // React Query retries a dropped connection three times (about 7 s) before it gives up.
    await screen.findByText("Couldn't load the sessions", {}, { timeout: 30_000 });
    expect(screen.getByText(/Can't reach the server\./)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Live activity' })).toBeInTheDocument();
    failing = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(sessionCards().length).toBeGreaterThan(0));
    expect(screen.queryByText("Couldn't load the sessions")).not.toBeInTheDocument();
  }, 60_000);
});
