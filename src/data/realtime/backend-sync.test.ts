import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackendChange, ChangeHandlers } from '@/lib/backend-changes';
import type { CallInfo, CandidateSummary, ChatMessage } from '@/lib/backend-types';
import { DAVE_PHONE, chatPage, daveProfile } from '@/test/demo-data';
import { candidateKeys } from '../candidates/keys';
import { type ChatPages, loadedMessages } from '../chat/chat-pages';
import { callKeys } from '../calls/keys';
import { chatKeys } from '../chat/keys';
import { liveKeys } from '../live/keys';
import { OFFLINE_AFTER_MS, startBackendSync } from './backend-sync';
import { createConnectionStore } from './connection-store';

function setup() {
  const queryClient = new QueryClient();
  const store = createConnectionStore();
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
    handlers().onChange(chatInsert(2, '2026-11-26T10:01:00Z', 'Are you free on Monday?'));
    handlers().onChange(chatInsert(2, '2026-11-26T10:01:00Z', 'Are you free on Monday?'));
    const data = queryClient.getQueryData<ChatPages>(chatKeys.conversation(DAVE_PHONE))!;
    const messages = loadedMessages(data)!;
    expect(messages.map((m) => m.id)).toEqual([0, 1, 2, 3]);
    expect(messages[2]).toMatchObject({ sender: 'agent', text: 'Are you free on Monday?' });
    expect(
      queryClient.getQueryData<CandidateSummary>(candidateKeys.profile(DAVE_PHONE))!.messageCount,
    ).toBe(4);
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
    queryClient.setQueryData<CallInfo[]>(callKeys.session('s1'), []);
    const change = (status: string, duration: number | null): BackendChange => ({
      table: 'calls',
      eventType: 'INSERT',
      row: { call_id: 'c1', session_id: 's1', called_at: '2026-11-26T10:00:00Z', status, duration },
      old: {},
    });
    handlers().onChange(change('in-progress', null));
    handlers().onChange({ ...change('completed', 95), eventType: 'UPDATE' });
    expect(queryClient.getQueryData<CallInfo[]>(callKeys.session('s1'))).toEqual([
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
});
