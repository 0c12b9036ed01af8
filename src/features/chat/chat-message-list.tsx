import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown } from 'lucide-react';
import { useEffectEvent, useLayoutEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { ChatRow } from './chat-rows';
import { MessageBubble } from './message-bubble';

interface ChatMessageListProps {
  rows: ChatRow[];
  /** Every message of the conversation, shown or not: more of them than seen means new ones. */
  messageCount: number;
  label: string;
  query: string;
  /** The message to bring into view and mark: a search hit, or one opened from the timeline. */
  activeMessageId: number | null;
  /** Changes whenever the list should scroll to `activeMessageId` again. */
  scrollRequest: number;
}

// How close to the end still counts as "reading the newest": a pixel-perfect end is too strict.
const END_THRESHOLD_PX = 80;

/**
 * The conversation, virtualized: only the rows in view (and a few around) are in the DOM, each
 * measured as drawn. Anchored to the end like a chat: it opens on the newest message and follows
 * new ones only while the reader is at the bottom; otherwise a pill counts them.
 */
export function ChatMessageList({
  rows,
  messageCount,
  label,
  query,
  activeMessageId,
  scrollRequest,
}: ChatMessageListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [seenCount, setSeenCount] = useState(messageCount);
  // Raw JSON opened on unsupported messages, kept here because rows unmount as they scroll away.
  const [rawOpen, setRawOpen] = useState<ReadonlySet<number>>(new Set());

  // The app doesn't use the React Compiler; the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.kind === 'day' ? 40 : 64),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 8,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: END_THRESHOLD_PX,
    // React 19 warns about flushSync inside its own lifecycle; a frame later is fine for a chat.
    useFlushSync: false,
    onChange: (instance) => {
      if (instance.isAtEnd() && seenCount !== messageCount) setSeenCount(messageCount);
    },
  });

  const scrollToTarget = useEffectEvent((orElseToEnd: boolean) => {
    const index =
      activeMessageId === null
        ? -1
        : rows.findIndex((row) => row.kind === 'message' && row.message.id === activeMessageId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
    else if (orElseToEnd) virtualizer.scrollToEnd();
  });
  // On opening: the message asked for, or else the newest one. (Idempotent, so StrictMode's
  // second mount does no harm.)
  useLayoutEffect(() => scrollToTarget(true), []);
  // Then once per request: each new search or step through the hits.
  const handledRequest = useRef(scrollRequest);
  useLayoutEffect(() => {
    if (handledRequest.current === scrollRequest) return;
    handledRequest.current = scrollRequest;
    scrollToTarget(false);
  }, [scrollRequest]);

  const unseen = Math.max(0, messageCount - seenCount);
  const items = virtualizer.getVirtualItems();

  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scrollRef}
        role="log"
        aria-label={label}
        tabIndex={0}
        className="h-full overflow-y-auto bg-muted/40 pb-3 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:ring-inset"
      >
        <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="absolute top-0 left-0 w-full"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {row.kind === 'day' ? (
                  <div className="flex justify-center pt-3 pb-1">
                    <span className="rounded-md border bg-card px-2.5 py-0.5 text-xs font-medium text-muted-foreground shadow-xs">
                      {row.label}
                    </span>
                  </div>
                ) : (
                  <MessageBubble
                    row={row}
                    query={query}
                    active={row.message.id === activeMessageId}
                    rawOpen={rawOpen.has(row.message.id)}
                    onRawOpenChange={(open) =>
                      setRawOpen((current) => {
                        const next = new Set(current);
                        if (open) next.add(row.message.id);
                        else next.delete(row.message.id);
                        return next;
                      })
                    }
                  />
                )}
              </div>
            );
          })}
        </div>
      </div>
      {unseen > 0 && !virtualizer.isAtEnd() && (
        <Button
          size="sm"
          className="absolute bottom-4 left-1/2 -translate-x-1/2 rounded-full shadow-md"
          onClick={() => virtualizer.scrollToEnd({ behavior: 'smooth' })}
        >
          <ArrowDown aria-hidden="true" />
          {unseen === 1 ? '1 new message' : `${unseen} new messages`}
        </Button>
      )}
    </div>
  );
}
