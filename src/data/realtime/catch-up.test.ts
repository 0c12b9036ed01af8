import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackendActivity } from '@/lib/backend-activity';
import { authKeys } from '../auth/keys';
import { chatKeys } from '../chat/keys';
import { noteKeys } from '../notes/keys';
import { CATCH_UP_AFTER_MS, startCatchUp } from './catch-up';
import { createCatchUpNotices } from './catch-up-notice';
import { createConnectionStore } from './connection-store';

let visibility: DocumentVisibilityState = 'visible';

/** The tab hidden or shown, as the browser reports it. */
function showTab(state: DocumentVisibilityState) {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

function setup(activity: BackendActivity = { messages: 12, calls: 2 }) {
  const queryClient = new QueryClient();
  const store = createConnectionStore({ status: 'live', lastSyncedAt: Date.now() });
  const notices = createCatchUpNotices();
  const countSince = vi.fn<(since: Date, signal: AbortSignal) => Promise<BackendActivity>>(
    async () => activity,
  );
  const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
  const stop = startCatchUp({ queryClient, store, notices, countSince });
  return { queryClient, store, notices, countSince, invalidate, stop };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-26T08:14:00Z'));
  visibility = 'visible';
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('catch-up when the tab is shown again', () => {
  it('after 30 s hidden, refetches every query on screen and counts what came since it was hidden', async () => {
    const { countSince, invalidate, notices } = setup();
    const hiddenAt = Date.now();
    showTab('hidden');
    vi.advanceTimersByTime(CATCH_UP_AFTER_MS);
    showTab('visible');
    await vi.waitFor(() => expect(notices.get()).not.toBeNull());

    expect(countSince).toHaveBeenCalledTimes(1);
    expect(countSince.mock.calls[0]![0]).toEqual(new Date(hiddenAt));
    expect(notices.get()).toEqual({ since: hiddenAt, messages: 12, calls: 2 });
    // Everything but the session, which follows its own auth events.
    expect(invalidate).toHaveBeenCalledTimes(1);
    const [{ predicate }] = invalidate.mock.calls[0] as [{ predicate: (q: unknown) => boolean }];
    const matches = (queryKey: readonly unknown[]) => predicate({ queryKey });
    expect(matches(chatKeys.conversation('+447853723604'))).toBe(true);
    expect(matches(noteKeys.of(1))).toBe(true);
    expect(matches(authKeys.session())).toBe(false);
    expect(invalidate.mock.calls[0]![1]).toEqual({ cancelRefetch: false });
  });

  it('does nothing after a short look elsewhere', async () => {
    const { countSince, invalidate } = setup();
    showTab('hidden');
    vi.advanceTimersByTime(CATCH_UP_AFTER_MS - 1);
    showTab('visible');
    // Nor later, from a departure already answered.
    vi.advanceTimersByTime(CATCH_UP_AFTER_MS);
    showTab('visible');
    await vi.runAllTimersAsync();
    expect(countSince).not.toHaveBeenCalled();
    expect(invalidate).not.toHaveBeenCalled();
  });

  it('shows no notice when nothing arrived, but still refetches', async () => {
    const { countSince, invalidate, notices } = setup({ messages: 0, calls: 0 });
    showTab('hidden');
    vi.advanceTimersByTime(CATCH_UP_AFTER_MS * 2);
    showTab('visible');
    await vi.runAllTimersAsync();
    expect(countSince).toHaveBeenCalledTimes(1);
    expect(invalidate).toHaveBeenCalledTimes(1);
    expect(notices.get()).toBeNull();
  });

  it('hidden while disconnected: counts from when the data was last in sync, once live again', async () => {
    const { store, countSince, notices } = setup();
    store.set({ status: 'reconnecting', lastSyncedAt: Date.now() - 5 * 60_000 });
    const inSyncAt = store.get().lastSyncedAt!;
    showTab('hidden');
    vi.advanceTimersByTime(CATCH_UP_AFTER_MS * 2);
    showTab('visible');
    // Shown, but still down: the counts and refetches would only fail.
    await vi.runAllTimersAsync();
    expect(countSince).not.toHaveBeenCalled();

    store.set({ status: 'live', lastSyncedAt: Date.now() });
    await vi.waitFor(() => expect(notices.get()).not.toBeNull());
    expect(countSince.mock.calls[0]![0]).toEqual(new Date(inSyncAt));
  });
});

describe('catch-up when the connection comes back', () => {
  it('after a gap of 30 s, counts from when it went down', async () => {
    const { store, countSince, invalidate, notices } = setup({ messages: 1, calls: 0 });
    const downAt = Date.now();
    store.set({ status: 'reconnecting', lastSyncedAt: downAt });
    vi.advanceTimersByTime(10_000);
    store.set({ status: 'offline' });
    vi.advanceTimersByTime(CATCH_UP_AFTER_MS);
    store.set({ status: 'live', lastSyncedAt: Date.now() });
    await vi.waitFor(() => expect(notices.get()).toEqual({ since: downAt, messages: 1, calls: 0 }));
    expect(countSince).toHaveBeenCalledTimes(1);
    expect(invalidate).toHaveBeenCalledTimes(1);
  });

  it('says nothing after a blip: the resubscription backfills it', async () => {
    const { store, countSince, invalidate } = setup();
    store.set({ status: 'reconnecting', lastSyncedAt: Date.now() });
    vi.advanceTimersByTime(3_000);
    store.set({ status: 'live', lastSyncedAt: Date.now() });
    await vi.runAllTimersAsync();
    expect(countSince).not.toHaveBeenCalled();
    expect(invalidate).not.toHaveBeenCalled();
  });

  it('counts the first sync after a start in a hidden tab as time away, not the first Live', async () => {
    visibility = 'hidden';
    const { store, countSince, notices } = setup();
    const openedAt = Date.now();
    store.set({ status: 'connecting', lastSyncedAt: null });
    store.set({ status: 'live', lastSyncedAt: Date.now() });
    vi.advanceTimersByTime(CATCH_UP_AFTER_MS);
    await vi.runAllTimersAsync();
    expect(countSince).not.toHaveBeenCalled();
    showTab('visible');
    await vi.waitFor(() => expect(notices.get()).not.toBeNull());
    expect(countSince.mock.calls[0]![0]).toEqual(new Date(openedAt));
  });
});

describe('one notice at a time', () => {
  it('is cleared when the sync stops (sign out)', async () => {
    const { notices, stop } = setup();
    showTab('hidden');
    vi.advanceTimersByTime(CATCH_UP_AFTER_MS);
    showTab('visible');
    await vi.waitFor(() => expect(notices.get()).not.toBeNull());
    stop();
    expect(notices.get()).toBeNull();
  });

  it('a second catch-up before the first notice is dismissed counts from the first', async () => {
    const { countSince, notices } = setup();
    const firstAway = Date.now();
    showTab('hidden');
    vi.advanceTimersByTime(CATCH_UP_AFTER_MS);
    showTab('visible');
    await vi.waitFor(() => expect(notices.get()).not.toBeNull());

    showTab('hidden');
    vi.advanceTimersByTime(CATCH_UP_AFTER_MS);
    countSince.mockResolvedValueOnce({ messages: 20, calls: 3 });
    showTab('visible');
    await vi.waitFor(() => expect(notices.get()?.messages).toBe(20));
    expect(countSince.mock.calls[1]![0]).toEqual(new Date(firstAway));
    expect(notices.get()).toEqual({ since: firstAway, messages: 20, calls: 3 });

    notices.dismiss();
    showTab('hidden');
    const thirdAway = Date.now();
    vi.advanceTimersByTime(CATCH_UP_AFTER_MS);
    showTab('visible');
    await vi.waitFor(() => expect(countSince).toHaveBeenCalledTimes(3));
    expect(countSince.mock.calls[2]![0]).toEqual(new Date(thirdAway));
  });

  it('once stopped, shows nothing, even from a count already under way', async () => {
    let answer!: (activity: BackendActivity) => void;
    const { countSince, notices, stop } = setup();
    countSince.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    showTab('hidden');
    vi.advanceTimersByTime(CATCH_UP_AFTER_MS);
    showTab('visible');
    expect(countSince).toHaveBeenCalledTimes(1);
    const [, signal] = countSince.mock.calls[0]!;
    stop();
    expect(signal.aborted).toBe(true);
    answer({ messages: 4, calls: 0 });
    await vi.runAllTimersAsync();
    expect(notices.get()).toBeNull();

    showTab('hidden');
    vi.advanceTimersByTime(CATCH_UP_AFTER_MS);
    showTab('visible');
    expect(countSince).toHaveBeenCalledTimes(1);
  });
});
