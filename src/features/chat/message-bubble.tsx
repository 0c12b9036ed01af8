import { Bot, Wrench } from 'lucide-react';
import { memo } from 'react';
import { HighlightedText } from '@/components/highlighted-text';
import { RawJsonToggle } from '@/components/raw-json-toggle';
import { cn } from '@/lib/utils';
import type { MessageRow } from './chat-rows';

function MessageTime({ time }: { time: MessageRow['time'] }) {
  if (!time) return null;
  return (
    <time
      dateTime={time.iso}
      title={time.full}
      className="ml-2 inline-block translate-y-0.5 float-right text-[0.6875rem] leading-4 text-muted-foreground tabular-nums"
    >
      {time.clock}
    </time>
  );
}

interface MessageBubbleProps {
  row: MessageRow;
  query: string;
  /** The current search hit, or the message opened from the timeline. */
  active: boolean;
  rawOpen: boolean;
  /** Stable across renders, so that a bubble is drawn again only when its own props change. */
  onRawOpenChange: (messageId: number, open: boolean) => void;
}

function senderName(row: MessageRow): string {
  if (row.bubble === 'candidate') return 'Candidate';
  if (row.bubble === 'agent') return 'AI agent';
  if (row.bubble === 'unsupported') return 'Unknown sender';
  return isToolMessage(row) ? 'Tool' : 'System';
}

const isToolMessage = (row: MessageRow) => row.message.sender === 'tool' || row.message.text === '';

/**
 * One message as WhatsApp draws it; all text rendered as text. Memoised: the virtualised list
 * re-renders on every scrolled frame, and only the rows coming into view need drawing.
 */
export const MessageBubble = memo(function MessageBubble({
  row,
  query,
  active,
  rawOpen,
  onRawOpenChange,
}: MessageBubbleProps) {
  const { message, bubble, text, groupStart } = row;
  const body = (
    <>
      <span className="sr-only">{senderName(row)}: </span>
      <span className="break-words whitespace-pre-wrap">
        <HighlightedText text={text} query={query} />
      </span>
      <MessageTime time={row.time} />
    </>
  );
  const ring = active && 'ring-2 ring-primary ring-offset-2 ring-offset-background';

  if (bubble === 'candidate' || bubble === 'agent') {
    const agent = bubble === 'agent';
    return (
      <div
        className={cn(
          'flex px-3',
          agent ? 'justify-end' : 'justify-start',
          groupStart ? 'pt-2' : 'pt-0.5',
        )}
      >
        <div
          data-message-id={message.id}
          data-active={active || undefined}
          className={cn(
            'max-w-[min(36rem,80%)] rounded-lg px-3 py-1.5 text-sm shadow-xs',
            agent
              ? 'bg-emerald-100 text-emerald-950 dark:bg-emerald-900 dark:text-emerald-50'
              : 'border bg-card',
            groupStart && (agent ? 'rounded-tr-sm' : 'rounded-tl-sm'),
            ring,
          )}
        >
          {agent && groupStart && (
            <span className="mb-0.5 flex items-center gap-1 text-xs font-semibold text-emerald-800 dark:text-emerald-200">
              <Bot className="size-3.5" aria-hidden="true" />
              AI
            </span>
          )}
          {body}
        </div>
      </div>
    );
  }

  if (bubble === 'system') {
    const tool = isToolMessage(row);
    return (
      <div className="flex justify-center px-3 pt-2">
        <div
          data-message-id={message.id}
          data-active={active || undefined}
          className={cn(
            'max-w-[min(40rem,90%)] rounded-md border border-dashed bg-muted/60 px-3 py-1.5 text-xs text-muted-foreground',
            ring,
          )}
        >
          <span className="mb-0.5 flex items-center gap-1 font-medium" aria-hidden="true">
            {tool ? <Wrench className="size-3" /> : <Bot className="size-3" />}
            {tool ? 'Tool' : 'System'}
          </span>
          <span className="font-mono">{body}</span>
        </div>
      </div>
    );
  }

  return (
    <div className="flex justify-center px-3 pt-2">
      <div
        data-message-id={message.id}
        data-active={active || undefined}
        className={cn(
          'grid max-w-[min(40rem,90%)] gap-1.5 rounded-md border border-amber-600/40 bg-amber-50 px-3 py-2 text-sm dark:bg-amber-950',
          ring,
        )}
      >
        <p>
          <span className="font-medium">Unsupported message</span>
          <MessageTime time={row.time} />
        </p>
        {text && (
          <p className="break-words whitespace-pre-wrap">
            <HighlightedText text={text} query={query} />
          </p>
        )}
        <p className="text-xs text-muted-foreground">
          The dashboard can't read this message's format; its stored JSON is below.
        </p>
        <RawJsonToggle
          value={message.raw}
          open={rawOpen}
          onOpenChange={(open) => onRawOpenChange(message.id, open)}
        />
      </div>
    </div>
  );
});
