import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackendChange, ChangeHandlers } from '@/lib/backend-changes';
import type { CandidateSummary, ChatMessage } from '@/lib/backend-types';
import { DAVE_PHONE, chatPage, daveProfile } from '@/test/demo-data';
import { candidateKeys } from '../candidates/keys';
import { type ChatPages, loadedMessages } from '../chat/chat-pages';
import { chatKeys } from '../chat/keys';
import { liveKeys } from '../live/keys';
import { AWAKE_TICK_MS, OFFLINE_AFTER_MS, startBackendSync } from './backend-sync';
import { createConnectionStore } from './connection-store';

function setup(store = createConnectionStore()) {
  const queryClient = new QueryClient();
  let handlers!: ChangeHandlers;
  const stop = startBackendSync({
    queryClient,
    store,
    watch: (h) => {
      handlers = h;
      return () => undefined;
    },
  });
  return { queryClient, store, handlers: () => handlers, stop };
}

const message = (id: number, timestamp: string, text = `m${id}`): ChatMessage => ({
  id,
  sessionId: 's1',
  sender: 'user',
  text,
  timestamp,
  supported: true,
  raw: { type: 'human', content: text },
});

const chatInsert = (id: number, created_at: string, content: string): BackendChange => ({
  table: 'chat_history',
  eventType: 'INSERT',
  row: { id, session_id: 's1', created_at, message: { type: 'ai', content } },
  old: {},
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('startBackendSync', () => {
  it('appends a new message to an open conversation once, in time order', () => {
    const { queryClient, handlers } = setup();
    const profile = daveProfile({
      phoneNumber: DAVE_PHONE,
      sessions: [{ ...daveProfile().sessionInfo!, sessionId: 's1' }],
      messageCount: 3,
    });
    queryClient.setQueryData(candidateKeys.profile(DAVE_PHONE), profile);
    queryClient.setQueryData<ChatPages>(chatKeys.conversation(DAVE_PHONE), {
      pages: [
        chatPage([message(1, '2026-11-26T10:00:00Z'), message(3, '2026-11-26T10:02:00Z')], true),
        chatPage([message(0, '2026-11-25T10:00:00Z')]),
      ],
      pageParams: [null, { at: '2026-11-26T10:00:00Z', id: 1 }],
    });
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    handlers().onChange(chatInsert(2, '2026-11-26T10:01:00Z', 'Are you free on Monday?'));
    handlers().onChange(chatInsert(2, '2026-11-26T10:01:00Z', 'Are you free on Monday?'));
    const data = queryClient.getQueryData<ChatPages>(chatKeys.conversation(DAVE_PHONE))!;
    const messages = loadedMessages(data)!;
    expect(messages.map((m) => m.id)).toEqual([0, 1, 2, 3]);
    expect(messages[2]).toMatchObject({ sender: 'agent', text: 'Are you free on Monday?' });
    // The candidate's counts are read again (a count can't be patched twice safely).
    expect(invalidate).toHaveBeenCalledWith({ queryKey: candidateKeys.profile(DAVE_PHONE) });
  });

  it('leaves conversations of other sessions alone', () => {
    const { queryClient, handlers } = setup();
    queryClient.setQueryData(candidateKeys.profile(DAVE_PHONE), daveProfile());
    const pages: ChatPages = {
      pages: [chatPage([message(1, '2026-11-26T10:00:00Z')])],
      pageParams: [null],
    };
    queryClient.setQueryData<ChatPages>(chatKeys.conversation(DAVE_PHONE), pages);
    handlers().onChange(chatInsert(2, '2026-11-26T10:01:00Z', 'Someone else'));
    expect(queryClient.getQueryData(chatKeys.conversation(DAVE_PHONE))).toBe(pages);
  });

  it('puts a new call first and updates a finished call in place', () => {
    const { queryClient, handlers } = setup();
    const profileKey = candidateKeys.profile(DAVE_PHONE);
    queryClient.setQueryData(profileKey, daveProfile({ sessionIds: ['s1'], callHistory: [] }));
    const change = (status: string, duration: number | null): BackendChange => ({
      table: 'calls',
      eventType: 'INSERT',
      row: {
        call_id: 'c1',
        session_id: 's1',
        phone_number: DAVE_PHONE,
        called_at: '2026-11-26T10:00:00Z',
        status,
        duration,
        transcript: null,
        recording_url: null,
        analysis: null,
      },
      old: {},
    });
    handlers().onChange(change('in-progress', null));
    handlers().onChange({ ...change('completed', 95), eventType: 'UPDATE' });
    expect(queryClient.getQueryData<CandidateSummary>(profileKey)?.callHistory).toEqual([
      expect.objectContaining({ call_id: 'c1', status: 'completed', durationLabel: '1:35' }),
    ]);
  });

  it('refetches a live list at most once per 2 s however many changes arrive', () => {
    const { queryClient, handlers } = setup();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    for (let i = 0; i < 50; i++)
      handlers().onChange(chatInsert(100 + i, '2026-11-26T10:00:00Z', 'x'));
    const liveRefetches = () =>
      invalidate.mock.calls.filter(
        ([f]) => JSON.stringify(f?.queryKey) === JSON.stringify(liveKeys.all),
      ).length;
    expect(liveRefetches()).toBe(1);
    vi.advanceTimersByTime(2_000);
    expect(liveRefetches()).toBe(2);
    vi.advanceTimersByTime(10_000);
    expect(liveRefetches()).toBe(2);
  });

  it('is Live when subscribed, and backfills what is on screen each time it (re)subscribes', () => {
    const { queryClient, store, handlers } = setup();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    expect(store.get().status).toBe('connecting');
    handlers().onStatus('SUBSCRIBED');
    expect(store.get()).toMatchObject({ status: 'live', lastSyncedAt: expect.any(Number) });
    const backfills = invalidate.mock.calls.length;
    expect(backfills).toBeGreaterThanOrEqual(5);
    handlers().onStatus('CHANNEL_ERROR');
    expect(store.get().status).toBe('reconnecting');
    handlers().onStatus('SUBSCRIBED');
    expect(store.get().status).toBe('live');
    expect(invalidate.mock.calls.length).toBe(backfills * 2);
  });

  it('shows Offline when reconnecting takes too long, and Live again once back', () => {
    const { store, handlers } = setup();
    handlers().onStatus('SUBSCRIBED');
    handlers().onStatus('CLOSED');
    vi.advanceTimersByTime(OFFLINE_AFTER_MS - 1);
    expect(store.get().status).toBe('reconnecting');
    vi.advanceTimersByTime(1);
    expect(store.get().status).toBe('offline');
    handlers().onStatus('SUBSCRIBED');
    expect(store.get().status).toBe('live');
  });

  it('once down, shows the data as synced when it went down, not at the last change', () => {
    vi.setSystemTime(new Date('2026-11-26T08:00:00Z'));
    const { store, handlers } = setup();
    handlers().onStatus('SUBSCRIBED');
    vi.advanceTimersByTime(10 * 60_000); // ten quiet minutes: no change, still in sync
    handlers().onStatus('CLOSED');
    expect(store.get().lastSyncedAt).toBe(Date.parse('2026-11-26T08:10:00Z'));
    vi.advanceTimersByTime(60_000);
    handlers().onStatus('CHANNEL_ERROR');
    expect(store.get().lastSyncedAt).toBe(Date.parse('2026-11-26T08:10:00Z'));
  });

  it('after the machine slept, shows the data as synced when it fell asleep', () => {
    vi.setSystemTime(new Date('2026-11-26T08:00:00Z'));
    const { store, handlers } = setup();
    handlers().onStatus('SUBSCRIBED');
    vi.advanceTimersByTime(AWAKE_TICK_MS * 3);
    const fellAsleep = Date.now();
    // Asleep for an hour: the clock moves, timers don't; the drop is noticed on waking.
    vi.setSystemTime(fellAsleep + 60 * 60_000);
    handlers().onStatus('CLOSED');
    expect(store.get()).toMatchObject({ status: 'reconnecting', lastSyncedAt: fellAsleep });
  });

  it('once stopped, writes nothing and changes nothing, whatever its channel still reports', () => {
    const store = createConnectionStore();
    const old = setup(store);
    old.handlers().onStatus('SUBSCRIBED');
    old.stop();
    const profileKey = candidateKeys.profile(DAVE_PHONE);
    old.queryClient.setQueryData(profileKey, daveProfile({ sessionIds: ['s1'], callHistory: [] }));
    const invalidate = vi.spyOn(old.queryClient, 'invalidateQueries');

    // The next user's sync is live on the same store before the old channel's last callbacks.
    const current = setup(store);
    current.handlers().onStatus('SUBSCRIBED');
    const live = store.get();
    const writes = vi.fn();
    store.subscribe(writes);
    old.handlers().onStatus('CLOSED');
    old.handlers().onStatus('CHANNEL_ERROR');
    old.handlers().onChange({
      table: 'calls',
      eventType: 'INSERT',
      row: { call_id: 'c1', session_id: 's1', called_at: '2026-11-26T10:00:00Z' },
      old: {},
    });
    vi.advanceTimersByTime(OFFLINE_AFTER_MS * 2);

    expect(writes).not.toHaveBeenCalled();
    expect(store.get()).toBe(live);
    expect(store.get().status).toBe('live');
    expect(invalidate).not.toHaveBeenCalled();
    expect(old.queryClient.getQueryData<CandidateSummary>(profileKey)?.callHistory).toEqual([]);
  });
});
