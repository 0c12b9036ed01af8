import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { DAVE_PHONE, message } from '@/test/demo-data';
import { fakeLayout } from '@/test/fake-layout';
import { WhatsAppChatView } from './whatsapp-chat-view';

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = fakeLayout();
});
afterEach(() => {
  restoreLayout();
  vi.useRealTimers();
});

it('turns the day separators over at midnight, with no new messages', async () => {
  // Tue 24 Nov 2026, 23:58: messages from yesterday evening and this evening.
  vi.useFakeTimers({ now: new Date(2026, 10, 24, 23, 58) });
  const messages = [
    message(1, 'agent', 'Are you free for a call?', 26 * 60),
    message(2, 'user', 'Yes, tomorrow works', 10),
  ];
  render(<WhatsAppChatView messages={messages} phone={DAVE_PHONE} />);
  const chat = screen.getByRole('log');
  const separators = () =>
    within(chat)
      .getAllByText(/^(Today|Yesterday|\w{3} \d+ \w{3})$/)
      .map((element) => element.textContent);
  expect(separators()).toEqual(['Yesterday', 'Today']);

  await act(() => vi.advanceTimersByTimeAsync(3 * 60_000));
  expect(separators()).toEqual(['Mon 23 Nov', 'Yesterday']);
});
