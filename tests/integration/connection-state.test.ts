// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import { type ReactNode, createElement } from 'react';
import { afterAll, describe, expect, it } from 'vitest';
import { connectionStore } from '@/data/realtime/connection-store';
import { useBackendSync } from '@/data/realtime/use-backend-sync';
import { signIn, signOut } from '@/lib/auth-api';
import { DEMO_STAFF } from '../../stack/demo';
import { withDb } from '../support/clients';
import { insertMessage, pause } from '../support/realtime';

// Issue "Live equals fresh", 4: the app's own sync (useBackendSync, the browser's realtime client
// and auth) across a sign-out and a sign-in, on the test stack. Removing the first user's channel
// calls it back with CLOSED; that must not reach the store, and the new channel must be Live as
// soon as it is subscribed.

const [recruiter, ops] = DEMO_STAFF;
const SESSION = `conn_state_${Date.now()}`;

afterAll(async () => {
  await signOut();
  await withDb((db) =>
    db.query('delete from public.chat_history where session_id = $1', [SESSION]),
  );
});

const status = () => connectionStore.get().status;

/** Every status the store shows from now until `stop` is called. */
function recordStatuses() {
  const seen: string[] = [];
  const unsubscribe = connectionStore.subscribe(() => {
    if (seen.at(-1) !== status()) seen.push(status());
  });
  return { seen, stop: unsubscribe };
}

function renderSync() {
  const queryClient = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) =>
    createElement(QueryClientProvider, { client: queryClient }, children);
  return renderHook(({ userId }: { userId: string | undefined }) => useBackendSync(userId), {
    wrapper,
    initialProps: { userId: undefined as string | undefined },
  });
}

describe('connection state across sign-out and sign-in', () => {
  it('is Live for the next user as soon as the new channel is subscribed, and stays Live', async () => {
    const { rerender, unmount } = renderSync();
    try {
      const first = await signIn(recruiter!.email, recruiter!.password);
      rerender({ userId: first.userId });
      await waitFor(() => expect(status()).toBe('live'), { timeout: 10_000 });

      // Signing out stops the sync (its channel starts leaving), and the next user signs in.
      await signOut();
      rerender({ userId: undefined });
      expect(status()).toBe('connecting');
      const second = await signIn(ops!.email, ops!.password);
      rerender({ userId: second.userId });
      await waitFor(() => expect(status()).toBe('live'), { timeout: 5_000 });

      const after = recordStatuses();
      await pause(1_000);
      after.stop();
      expect(after.seen).toEqual([]);
      expect(status()).toBe('live');

      // The new channel carries changes to the new user's sync.
      const before = connectionStore.get().lastSyncedAt!;
      await withDb((db) => insertMessage(db, SESSION, 'Still looking for work'));
      await waitFor(() => expect(connectionStore.get().lastSyncedAt).toBeGreaterThan(before), {
        timeout: 5_000,
      });
    } finally {
      unmount();
    }
  }, 30_000);

  it('restarted at once (the same user signing in again), goes from Connecting to Live and nothing else', async () => {
    const { rerender, unmount } = renderSync();
    try {
      const user = await signIn(recruiter!.email, recruiter!.password);
      rerender({ userId: user.userId });
      await waitFor(() => expect(status()).toBe('live'), { timeout: 10_000 });

      // The old channel's CLOSED comes as it is removed: a sync that listened showed Reconnecting.
      const during = recordStatuses();
      rerender({ userId: undefined });
      rerender({ userId: user.userId });
      await waitFor(() => expect(status()).toBe('live'), { timeout: 5_000 });
      await pause(1_000);
      during.stop();
      expect(during.seen).toEqual(['connecting', 'live']);
    } finally {
      unmount();
    }
  }, 30_000);
});
