import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DAVE_PHONE, daveMessages, message } from '@/test/demo-data';
import { fakeLayout } from '@/test/fake-layout';
import { WhatsAppChatView } from './whatsapp-chat-view';

let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = fakeLayout();
});
afterEach(() => restoreLayout());

const log = () => screen.getByRole('log', { name: /WhatsApp conversation with \+44 7853 723604/ });

describe('WhatsAppChatView', () => {
  it('draws the conversation as WhatsApp does: sides, the AI mark, days and times', () => {
    render(<WhatsAppChatView messages={daveMessages()} phone={DAVE_PHONE} />);

    const chat = log();
    expect(within(chat).getByText('Yesterday')).toBeInTheDocument();
    expect(within(chat).getByText('Today')).toBeInTheDocument();
    const reply = within(chat).getByText('Also, is there any Saturday work going?');
    expect(reply.closest('[data-message-id]')?.parentElement).toHaveClass('justify-start');
    const agent = within(chat)
      .getByText(/Saturdays are optional/)
      .closest('[data-message-id]');
    expect(agent?.parentElement).toHaveClass('justify-end');
    expect(within(agent as HTMLElement).getByText('AI')).toBeInTheDocument();
    expect(within(agent as HTMLElement).getByText(/^\d\d:\d\d$/)).toBeInTheDocument();
    // Two messages in a row from Dave: one group, one sender mark.
    expect(within(chat).getAllByText('AI')).toHaveLength(2);
  });

  it('keeps system and tool messages behind a toggle', async () => {
    const user = userEvent.setup();
    render(<WhatsAppChatView messages={daveMessages()} phone={DAVE_PHONE} />);

    expect(screen.queryByText('Called book_interview')).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Show system messages (2)' }));

    expect(screen.getByText('Called book_interview')).toBeInTheDocument();
    expect(screen.getByText('{"status":"booked","day":"Thursday"}')).toBeInTheDocument();
  });

  it('keeps at most about 60 rows in the DOM for 10,000 messages, opening on the newest', () => {
    const messages = Array.from({ length: 10_000 }, (_, i) =>
      message(i + 1, i % 2 ? 'agent' : 'user', `Message number ${i + 1}`, 10_000 - i),
    );
    render(<WhatsAppChatView messages={messages} phone={DAVE_PHONE} />);

    const rows = log().querySelectorAll('[data-message-id]');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThanOrEqual(60);
    expect(screen.getByText('Message number 10000')).toBeInTheDocument();
    expect(screen.queryByText('Message number 1')).not.toBeInTheDocument();
  });

  it('finds, steps through and highlights matches, jumping to each', async () => {
    const messages = Array.from({ length: 2_000 }, (_, i) =>
      message(i + 1, i % 2 ? 'agent' : 'user', `Filler ${i + 1}`, 2_000 - i),
    );
    messages[10] = message(11, 'user', 'My CSCS card is blue', 1_990);
    messages[1_500] = message(1_501, 'user', 'Sent the cscs photo', 500);
    const user = userEvent.setup();
    render(<WhatsAppChatView messages={messages} phone={DAVE_PHONE} />);

    await user.type(screen.getByRole('searchbox', { name: 'Search this conversation' }), 'CSCS');

    // The newest match first, where the reader is.
    expect(screen.getByRole('status')).toHaveTextContent('2 of 2');
    const newest = screen.getByText('cscs', { selector: 'mark' });
    expect(newest.closest('[data-message-id]')).toHaveAttribute('data-active', 'true');

    await user.keyboard('{Shift>}{Enter}{/Shift}');

    expect(screen.getByRole('status')).toHaveTextContent('1 of 2');
    const oldest = screen.getByText('CSCS', { selector: 'mark' });
    expect(oldest.closest('[data-message-id]')).toHaveAttribute('data-message-id', '11');
    expect(oldest.closest('[data-message-id]')).toHaveAttribute('data-active', 'true');

    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'nowhere');
    expect(screen.getByRole('status')).toHaveTextContent('No matches');
  });

  it('shows an unsupported message as such, with its raw JSON one click away', async () => {
    const odd = message(9, 'unknown', '', 5, { raw: { event: 'reaction', emoji: '👍' } });
    const user = userEvent.setup();
    render(<WhatsAppChatView messages={[...daveMessages(), odd]} phone={DAVE_PHONE} />);

    expect(screen.getByText('Unsupported message')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show raw JSON' }));

    const json = screen.getByText(/"event": "reaction"/);
    expect(json.tagName).toBe('PRE');
    expect(json).toHaveTextContent('"emoji": "👍"');
  });

  it('shows markup in a message as text, never as HTML', () => {
    const hostile = '<img src=x onerror=alert(1)> hello';
    const { container } = render(
      <WhatsAppChatView messages={[message(1, 'user', hostile, 1)]} phone={DAVE_PHONE} />,
    );

    expect(screen.getByText(hostile)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows a skeleton, then an error with Retry, then an empty state naming the phone', async () => {
    const onRetry = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(
      <WhatsAppChatView messages={undefined} isLoading phone={DAVE_PHONE} />,
    );
    expect(screen.getByLabelText('Loading the conversation')).toBeInTheDocument();

    rerender(
      <WhatsAppChatView
        messages={undefined}
        error={new Error('boom')}
        onRetry={onRetry}
        phone={DAVE_PHONE}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalled();

    rerender(<WhatsAppChatView messages={[]} phone={DAVE_PHONE} />);
    expect(screen.getByText('No WhatsApp messages with +44 7853 723604')).toBeInTheDocument();
  });

  it('opens on a message picked elsewhere, showing system messages when it is one', () => {
    render(<WhatsAppChatView messages={daveMessages()} phone={DAVE_PHONE} focusMessageId={3036} />);

    const tool = screen.getByText('{"status":"booked","day":"Thursday"}');
    expect(tool.closest('[data-message-id]')).toHaveAttribute('data-active', 'true');
    expect(screen.getByRole('checkbox', { name: /Show system messages/ })).toBeChecked();
  });
});
