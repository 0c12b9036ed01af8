import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CatchUpNoticeBar, catchUpMessage } from './catch-up-notice';

const since = new Date(2026, 10, 26, 8, 14).getTime();
const later = new Date(2026, 10, 26, 9, 30).getTime();

describe('catchUpMessage', () => {
  it.each([
    [{ messages: 12, calls: 2 }, '12 new messages, 2 calls since 08:14'],
    [{ messages: 1, calls: 1 }, '1 new message, 1 call since 08:14'],
    [{ messages: 12_345, calls: 0 }, '12,345 new messages since 08:14'],
    [{ messages: 0, calls: 2 }, '2 new calls since 08:14'],
    [{ messages: 0, calls: 1 }, '1 new call since 08:14'],
  ])('%o → %s', (activity, text) => {
    expect(catchUpMessage({ ...activity, since }, later)).toBe(text);
  });

  it('names the day when the moment was not today', () => {
    const nextDay = new Date(2026, 10, 27, 7, 0).getTime();
    expect(catchUpMessage({ messages: 3, calls: 0, since }, nextDay)).toBe(
      '3 new messages since 26 Nov 2026, 08:14',
    );
  });
});

describe('CatchUpNoticeBar', () => {
  it('is an empty live region until there is something to say', () => {
    render(<CatchUpNoticeBar notice={null} onDismiss={() => undefined} />);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('is dismissed by its button or by Escape, with the keyboard alone', async () => {
    const user = userEvent.setup();
    const onDismiss = vi.fn();
    render(
      <CatchUpNoticeBar
        notice={{ messages: 12, calls: 2, since: Date.now() }}
        onDismiss={onDismiss}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      /^12 new messages, 2 calls since \d\d:\d\d$/,
    );

    await user.tab();
    const dismiss = screen.getByRole('button', { name: 'Dismiss' });
    expect(dismiss).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onDismiss).toHaveBeenCalledTimes(1);
    await user.keyboard('{Escape}');
    expect(onDismiss).toHaveBeenCalledTimes(2);
  });
});
