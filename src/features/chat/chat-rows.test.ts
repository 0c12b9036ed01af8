import { describe, expect, it } from 'vitest';
import { message } from '@/test/demo-data';
import { localDay } from '@/lib/format';
import { buildChatRows, dayLabel, messageText } from './chat-rows';

const today = localDay(new Date(2026, 10, 26, 10, 15)); // Thu 26 Nov 2026, local time

describe('dayLabel', () => {
  it.each([
    [new Date(2026, 10, 26, 0, 1), 'Today'],
    [new Date(2026, 10, 25, 23, 59), 'Yesterday'],
    [new Date(2026, 10, 24, 14, 5), 'Tue 24 Nov'],
    [new Date(2025, 11, 31, 9, 0), 'Wed, 31 Dec 2025'],
    // Not "Today": a clock a little ahead of the viewer's does not make tomorrow today.
    [new Date(2026, 10, 27, 0, 5), 'Fri 27 Nov'],
  ])('%s → %s', (date, label) => {
    expect(dayLabel(date, today)).toBe(label);
  });
});

describe('buildChatRows', () => {
  const at = (day: number, hour: number) => new Date(2026, 10, day, hour).toISOString();
  const messages = [
    message(1, 'agent', 'Hi Dave', 0, { timestamp: at(25, 9) }),
    message(2, 'user', 'Hi', 0, { timestamp: at(25, 10) }),
    message(3, 'user', 'Still looking', 0, { timestamp: at(25, 10) }),
    message(4, 'tool', '{"status":"booked"}', 0, { timestamp: at(25, 11) }),
    message(5, 'user', 'Thanks', 0, { timestamp: at(26, 9) }),
    message(6, 'unknown', '', 0, { timestamp: '' }),
  ];

  it('puts a separator before each day and groups consecutive messages from one sender', () => {
    const rows = buildChatRows(messages, { showSystem: false });
    expect(
      rows.map((row) =>
        row.kind === 'day'
          ? row.date
            ? dayLabel(row.date, today)
            : 'Date unknown'
          : `${row.message.id}:${row.bubble}${row.groupStart ? '*' : ''}`,
      ),
    ).toEqual([
      'Yesterday',
      '1:agent*',
      '2:candidate*',
      '3:candidate',
      'Today',
      '5:candidate*',
      'Date unknown',
      '6:unsupported*',
    ]);
  });

  it('keeps the day in its separator, not the word: the same rows read true tomorrow', () => {
    const rows = buildChatRows(messages, { showSystem: false });
    const labels = (on: number) =>
      rows.flatMap((row) => (row.kind === 'day' && row.date ? [dayLabel(row.date, on)] : []));
    expect(labels(today)).toEqual(['Yesterday', 'Today']);
    expect(labels(today + 1)).toEqual(['Wed 25 Nov', 'Yesterday']);
  });

  it('shows system and tool messages only when asked, as their own group', () => {
    const rows = buildChatRows(messages, { showSystem: true });
    expect(rows.find((row) => row.kind === 'message' && row.message.id === 4)).toMatchObject({
      bubble: 'system',
      groupStart: true,
    });
  });

  it('names the tool an agent turn without text called', () => {
    const call = message(7, 'agent', '', 0, {
      raw: {
        type: 'ai',
        content: '',
        tool_calls: [{ name: 'book_interview' }, { name: 'notify' }],
      },
    });
    expect(messageText(call)).toBe('Called book_interview, notify');
    expect(messageText(message(8, 'agent', '', 0))).toBe('(no text)');
  });
});
