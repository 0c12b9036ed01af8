import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown } from 'lucide-react';
import {
  useCallback,
  useEffect,
  useEffectEvent,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from 'react';
import { Button } from '@/components/ui/button';
import type { OlderMessages } from '@/data/chat/chat-pages';
import type { ChatRow } from './chat-rows';
import { DaySeparator } from './day-separator';
import { MessageBubble } from './message-bubble';

interface ChatMessageListProps {
  rows: ChatRow[];
  older: OlderMessages;
  label: string;
  query: string;
  /** The message to bring into view and mark: a search hit, or one opened from the timeline. */
  activeMessageId: number | null;
  /** Changes whenever the list should scroll to `activeMessageId` again. */
  scrollRequest: number;
  /**
   * Older pages are still arriving for a search: scroll once they are in. (The virtualizer aims a
   * scroll at a row index, which rows loaded above would move under it.)
   */
  holdScroll?: boolean;
}

// How close to the end still counts as "reading the newest": a pixel-perfect end is too strict.
const END_THRESHOLD_PX = 80;
// The "older messages" strip above the first row. It sits outside the virtual rows (as padding),
// so that when older rows arrive above, the list keeps the reader's row in place (it anchors on
// the first row at the scroll position, which is then a message, not this strip).
const OLDER_STRIP_PX = 44;

/** Messages after the one last seen at the bottom: the "new messages" pill counts them. */
function countAfter(rows: ChatRow[], seenKey: string | null): number {
  let count = 0;
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    if (row.key === seenKey) return count;
    if (row.kind === 'message') count++;
  }
  return 0;
}

function OlderStrip({
  older,
  root,
}: {
  older: OlderMessages;
  /** The scrolling log: the strip loads when it scrolls into its view. */
  root: RefObject<HTMLElement | null>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { loading, error } = older;
  const load = useEffectEvent(() => older.load());
  // Scrolling the strip into view loads the next older page (the button is there for keyboards).
  useEffect(() => {
    const element = ref.current;
    if (!element || !root.current || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) load();
      },
      { root: root.current, rootMargin: '200px 0px 0px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [root, loading, error]);

  return (
    <div
      ref={ref}
      data-chat-older=""
      className="absolute top-0 left-0 flex w-full items-center justify-center gap-2 text-xs text-muted-foreground"
      style={{ height: OLDER_STRIP_PX }}
    >
      {error ? (
        <>
          <span role="alert">Couldn't load older messages.</span>
          <Button size="sm" variant="outline" className="h-7" onClick={() => older.load()}>
            Retry
          </Button>
        </>
      ) : loading ? (
        <span role="status">Loading older messages…</span>
      ) : (
        <Button size="sm" variant="ghost" className="h-7" onClick={() => older.load()}>
          Load older messages
        </Button>
      )}
    </div>
  );
}

/**
 * The conversation, virtualized: only the rows in view (and a few around) are in the DOM, each
 * measured as drawn. Anchored to the end like a chat: it opens on the newest message and follows
 * new ones only while the reader is at the bottom; otherwise a pill counts them. Older pages load
 * when the reader reaches the top.
 */
export function ChatMessageList({
  rows,
  older,
  label,
  query,
  activeMessageId,
  scrollRequest,
  holdScroll = false,
}: ChatMessageListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const lastKey = rows.at(-1)?.key ?? null;
  const [seenKey, setSeenKey] = useState(lastKey);
  // Raw JSON opened on unsupported messages, kept here because rows unmount as they scroll away.
  const [rawOpen, setRawOpen] = useState<ReadonlySet<number>>(new Set());
  const onRawOpenChange = useCallback(
    (messageId: number, open: boolean) =>
      setRawOpen((current) => {
        const next = new Set(current);
        if (open) next.add(messageId);
        else next.delete(messageId);
        return next;
      }),
    [],
  );

  // The app doesn't use the React Compiler; the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.kind === 'day' ? 40 : 64),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 4,
    // A viewport's guess for the first render: rows can be drawn in the first commit rather than
    // after the list has measured itself (a render and a commit saved on opening).
    initialRect: { width: 0, height: 720 },
    paddingStart: older.hasMore ? OLDER_STRIP_PX : 0,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: END_THRESHOLD_PX,
    // React 19 warns about flushSync inside its own lifecycle; a frame later is fine for a chat.
    useFlushSync: false,
    onChange: (instance) => {
      if (instance.isAtEnd() && seenKey !== lastKey) setSeenKey(lastKey);
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
  // Then once per request (each new search or step through the hits) and whenever the active
  // message changes, e.g. the first hit turning up in an older page.
  const handled = useRef(`${scrollRequest}:${activeMessageId}`);
  useLayoutEffect(() => {
    const request = `${scrollRequest}:${activeMessageId}`;
    if (holdScroll || handled.current === request) return;
    handled.current = request;
    scrollToTarget(false);
  }, [scrollRequest, activeMessageId, holdScroll]);

  const unseen = useMemo(() => countAfter(rows, seenKey), [rows, seenKey]);
  const items = virtualizer.getVirtualItems();

  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scrollRef}
        role="log"
        aria-label={label}
        aria-busy={older.loading || undefined}
        tabIndex={0}
        className="h-full overflow-y-auto bg-muted/40 pb-3 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:ring-inset"
      >
        <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {older.hasMore && <OlderStrip older={older} root={scrollRef} />}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                // Layout is contained in each row: one row drawn or measured does not relayout the others.
                className="absolute top-0 left-0 w-full [contain:layout_style]"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {row.kind === 'day' ? (
                  <DaySeparator date={row.date} />
                ) : (
                  <MessageBubble
                    row={row}
                    query={query}
                    active={row.message.id === activeMessageId}
                    rawOpen={rawOpen.has(row.message.id)}
                    onRawOpenChange={onRawOpenChange}
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
