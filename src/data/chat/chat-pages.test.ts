import { describe, expect, it } from 'vitest';
import type { MessageRow } from '@/lib/backend/mappers';
import type { ChatMessage } from '@/lib/backend-types';
import { chatPage } from '@/test/demo-data';
import type { RowChange } from '../realtime/merge-rule';
import { type ChatPages, compareMessages, loadedMessages, mergeIntoPages } from './chat-pages';

const message = (id: number, timestamp: string, session = 's1'): ChatMessage => ({
  id,
  sessionId: session,
  sender: 'user',
  text: `m${id}`,
  timestamp,
  supported: true,
  raw: { type: 'human', content: `m${id}` },
});
const rowOf = (m: ChatMessage): MessageRow => ({
  id: m.id,
  session_id: m.sessionId,
  message: m.raw as MessageRow['message'],
  created_at: m.timestamp || null,
});
const insert = (m: ChatMessage): RowChange<MessageRow> => ({
  eventType: 'INSERT',
  row: rowOf(m),
  old: {},
});

// Two pages loaded of a longer conversation: the newest (ids 20, 30) and an older one (10, 15);
// messages before id 10 are not loaded.
const conversation = (): ChatPages => ({
  pages: [
    chatPage([message(20, '2026-11-26T10:00:00Z'), message(30, '2026-11-26T11:00:00Z')], true),
    chatPage([message(10, '2026-11-25T10:00:00Z'), message(15, '2026-11-25T12:00:00Z')], true),
  ],
  pageParams: [null, { at: '2026-11-26T10:00:00Z', id: 20 }],
});
const ours = (id: string) => id === 's1' || id === 's2';
const ids = (data: ChatPages) => data.pages.map((page) => page.messages.map((m) => m.id));

describe('mergeIntoPages', () => {
  it.each([
    [
      'a new message goes into the newest page',
      message(40, '2026-11-26T12:00:00Z'),
      [
        [20, 30, 40],
        [10, 15],
      ],
    ],
    [
      'a late one into the page whose span holds it',
      message(12, '2026-11-25T11:00:00Z'),
      [
        [20, 30],
        [10, 12, 15],
      ],
    ],
    [
      'one from another session of the candidate',
      message(25, '2026-11-26T10:30:00Z', 's2'),
      [
        [20, 25, 30],
        [10, 15],
      ],
    ],
    [
      'one older than everything loaded waits for its page',
      message(5, '2026-11-24T10:00:00Z'),
      [
        [20, 30],
        [10, 15],
      ],
    ],
    [
      'one of another candidate stays out',
      message(41, '2026-11-26T12:00:00Z', 'other'),
      [
        [20, 30],
        [10, 15],
      ],
    ],
    [
      'one without a time is the newest',
      message(7, ''),
      [
        [20, 30, 7],
        [10, 15],
      ],
    ],
  ])('%s', (_, m, expected) => {
    expect(ids(mergeIntoPages(conversation(), insert(m), ours).data)).toEqual(expected);
  });

  it('removes a deleted message from whichever page holds it, by its key alone', () => {
    const data = mergeIntoPages(
      conversation(),
      { eventType: 'DELETE', row: {}, old: { id: 15 } },
      ours,
    ).data;
    expect(ids(data)).toEqual([[20, 30], [10]]);
  });

  it('moves a message whose time changed, and drops one moved to a stranger’s session', () => {
    const moved = mergeIntoPages(
      conversation(),
      {
        eventType: 'UPDATE',
        row: { id: 30, session_id: 's1', created_at: '2026-11-25T11:00:00Z' },
        old: {},
      },
      ours,
    ).data;
    expect(ids(moved)).toEqual([[20], [10, 30, 15]]);
    expect(loadedMessages(moved)!.find((m) => m.id === 30)!.text).toBe('m30');
    const away = mergeIntoPages(
      conversation(),
      { eventType: 'UPDATE', row: { id: 20, session_id: 'other' }, old: {} },
      ours,
    ).data;
    expect(ids(away)).toEqual([[30], [10, 15]]);
  });

  it('asks for a refetch for an update of a message it lacks whose body the event left out', () => {
    const result = mergeIntoPages(
      conversation(),
      {
        eventType: 'UPDATE',
        row: { id: 33, session_id: 's1', created_at: '2026-11-26T11:30:00Z' },
        old: {},
      },
      ours,
    );
    expect(result.refetch).toBe(true);
    expect(ids(result.data)).toEqual([
      [20, 30],
      [10, 15],
    ]);
  });

  it('keeps the data and the pages it does not change as they were', () => {
    const before = conversation();
    expect(mergeIntoPages(before, insert(message(20, '2026-11-26T10:00:00Z')), ours).data).toBe(
      before,
    );
    const after = mergeIntoPages(before, insert(message(40, '2026-11-26T12:00:00Z')), ours).data;
    expect(after.pages[1]).toBe(before.pages[1]);
  });

  it('orders by time to the microsecond, then id, undated last', () => {
    const sorted = [
      message(3, ''),
      message(2, '2026-11-26T10:00:00.000002+00:00'),
      message(9, '2026-11-26T10:00:00.000001+00:00'),
      message(1, '2026-11-26T10:00:00+00:00'),
      message(4, '2026-11-26T10:00:00+00:00'),
    ].sort(compareMessages);
    expect(sorted.map((m) => m.id)).toEqual([1, 4, 9, 2, 3]);
  });
});
