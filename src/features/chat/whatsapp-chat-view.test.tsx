import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DAVE_PHONE, daveMessages, message } from '@/test/demo-data';
import { fakeLayout } from '@/test/fake-layout';
import type { OlderMessages } from '@/data/chat/chat-pages';
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

  describe('a long conversation, loaded newest page first', () => {
    const conversation = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) =>
        message(
          from + i,
          (from + i) % 2 ? 'agent' : 'user',
          `Message number ${from + i}`,
          10_000 - from - i,
        ),
      );
    const older = (overrides: Partial<OlderMessages> = {}): OlderMessages => ({
      hasMore: true,
      loading: false,
      error: null,
      load: vi.fn(),
      ...overrides,
    });

    it('offers the older messages above the first row, and says when they fail', async () => {
      const user = userEvent.setup();
      const more = older();
      const { rerender } = render(
        <WhatsAppChatView messages={conversation(801, 1000)} older={more} phone={DAVE_PHONE} />,
      );
      await user.click(screen.getByRole('button', { name: 'Load older messages' }));
      expect(more.load).toHaveBeenCalled();
      // Counted only once every message is loaded: part of a count would mislead.
      expect(screen.getByRole('checkbox', { name: 'Show system messages' })).toBeInTheDocument();

      rerender(
        <WhatsAppChatView
          messages={conversation(801, 1000)}
          older={older({ loading: true })}
          phone={DAVE_PHONE}
        />,
      );
      expect(screen.getByText('Loading older messages…')).toBeInTheDocument();

      const failed = older({ error: new Error('boom') });
      rerender(
        <WhatsAppChatView messages={conversation(801, 1000)} older={failed} phone={DAVE_PHONE} />,
      );
      expect(screen.getByRole('alert')).toHaveTextContent("Couldn't load older messages.");
      await user.click(screen.getByRole('button', { name: 'Retry' }));
      expect(failed.load).toHaveBeenCalled();
      // The loaded messages stay.
      expect(screen.getByText('Message number 1000')).toBeInTheDocument();
    });

    it('counts only new messages in the pill, not older ones loaded above', async () => {
      const { rerender } = render(
        <WhatsAppChatView messages={conversation(801, 1000)} older={older()} phone={DAVE_PHONE} />,
      );
      // The reader scrolls to the top, where older messages load.
      act(() => {
        log().scrollTop = 0;
        log().dispatchEvent(new Event('scroll'));
      });
      rerender(
        <WhatsAppChatView messages={conversation(601, 1000)} older={older()} phone={DAVE_PHONE} />,
      );
      expect(screen.queryByRole('button', { name: /new message/ })).not.toBeInTheDocument();

      rerender(
        <WhatsAppChatView messages={conversation(601, 1001)} older={older()} phone={DAVE_PHONE} />,
      );
      expect(await screen.findByRole('button', { name: '1 new message' })).toBeInTheDocument();
    });

    it('searches the whole conversation: older pages load while it looks', async () => {
      const user = userEvent.setup();
      const more = older();
      const { rerender } = render(
        <WhatsAppChatView messages={conversation(801, 1000)} older={more} phone={DAVE_PHONE} />,
      );
      await user.type(screen.getByRole('searchbox'), 'number 5');

      expect(more.load).toHaveBeenCalled();
      expect(screen.getByRole('status')).toHaveTextContent('Searching…');

      rerender(<WhatsAppChatView messages={conversation(1, 1000)} phone={DAVE_PHONE} />);
      // "number 5", "number 50"–"59", "number 500"–"599": the newest of them is current.
      expect(screen.getByRole('status')).toHaveTextContent('111 of 111');
      expect(log().querySelector('[data-message-id="599"]')).toHaveAttribute('data-active', 'true');
    });

    it('opens on a message from a link even when it is in an older page', () => {
      const more = older();
      const { rerender } = render(
        <WhatsAppChatView
          messages={conversation(801, 1000)}
          older={more}
          phone={DAVE_PHONE}
          focusMessageId={42}
        />,
      );
      expect(screen.getByLabelText('Finding the message in older messages')).toBeInTheDocument();
      expect(more.load).toHaveBeenCalled();

      rerender(
        <WhatsAppChatView
          messages={conversation(1, 1000)}
          phone={DAVE_PHONE}
          focusMessageId={42}
        />,
      );
      expect(screen.getByText('Message number 42').closest('[data-message-id]')).toHaveAttribute(
        'data-active',
        'true',
      );
    });
  });
});
