import { useEffect, useMemo, useState } from 'react';
import { EmptyState, ErrorState } from '@/components/query-states';
import { SearchStepper } from '@/components/search-stepper';
import { textMatcher } from '@/components/text-match';
import { Skeleton } from '@/components/ui/skeleton';
import type { ChatMessage } from '@/lib/backend-types';
import { formatCount } from '@/lib/format';
import { formatPhone } from '@/lib/normalizers';
import { cn } from '@/lib/utils';
import type { OlderMessages } from '@/data/chat/chat-pages';
import { ChatMessageList } from './chat-message-list';
import { bubbleKindOf, buildChatRows, countSystemMessages } from './chat-rows';

export interface WhatsAppChatViewProps {
  /** The conversation's loaded messages, oldest first; undefined while it loads. */
  messages: ChatMessage[] | undefined;
  /** Older messages not loaded yet (a long conversation comes in pages, newest first). */
  older?: OlderMessages;
  /** The candidate's phone, named in the empty state. */
  phone: string;
  isLoading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** A message to scroll to and mark on opening, e.g. one picked on the timeline. */
  focusMessageId?: number | null;
  className?: string;
}

const NOTHING_OLDER: OlderMessages = {
  hasMore: false,
  loading: false,
  error: null,
  load: () => {},
};

function ChatSkeleton({ label = 'Loading the conversation' }: { label?: string }) {
  return (
    <div className="grid gap-3 p-4" aria-busy="true" aria-label={label}>
      {[60, 40, 72, 52, 36].map((width, index) => (
        <Skeleton
          key={index}
          className={cn('h-10', index % 2 ? 'justify-self-end' : 'justify-self-start')}
          style={{ width: `${width}%` }}
        />
      ))}
    </div>
  );
}

/** A candidate's WhatsApp conversation as the recruiter knows it from WhatsApp itself. */
export function WhatsAppChatView({
  messages,
  older = NOTHING_OLDER,
  phone,
  isLoading = false,
  error,
  onRetry,
  focusMessageId = null,
  className,
}: WhatsAppChatViewProps) {
  const focusIsSystem = messages?.some(
    (message) => message.id === focusMessageId && bubbleKindOf(message) === 'system',
  );
  // null until the reader chooses: shown when the message to open is itself a system message.
  const [systemChoice, setSystemChoice] = useState<boolean | null>(null);
  const showSystem = systemChoice ?? !!focusIsSystem;
  const [query, setQuery] = useState('');
  // The current hit by message id (older pages arriving shift positions, not ids); null: the
  // newest hit, where the reader starts (at the bottom of the chat).
  const [hitId, setHitId] = useState<number | null>(null);
  const [scrollRequest, setScrollRequest] = useState(0);

  const rows = useMemo(() => buildChatRows(messages ?? [], { showSystem }), [messages, showSystem]);
  const hits = useMemo(() => {
    const matches = textMatcher(query);
    if (!matches) return [];
    return rows.flatMap((row) =>
      row.kind === 'message' && matches(row.text) ? [row.message.id] : [],
    );
  }, [rows, query]);
  const hitAt = hitId === null ? -1 : hits.indexOf(hitId);
  const current = hits.length ? (hitAt >= 0 ? hitAt : hits.length - 1) : null;
  const activeMessageId =
    current !== null ? (hits[current] ?? null) : query.trim() ? null : focusMessageId;
  const systemCount = useMemo(() => countSystemMessages(messages ?? []), [messages]);

  // A search looks through the whole conversation, and a message opened from a link may be in an
  // older page: load older pages until there are no more (or the message is found).
  const searching = query.trim() !== '';
  const focusMissing =
    focusMessageId !== null && !!messages && !messages.some((m) => m.id === focusMessageId);
  const needOlder = older.hasMore && (searching || focusMissing);
  const { loading: loadingOlder, error: olderError, load: loadOlder } = older;
  useEffect(() => {
    if (needOlder && !loadingOlder && !olderError) loadOlder();
    // `messages`: each page that arrives asks for the next.
  }, [needOlder, loadingOlder, olderError, loadOlder, messages]);
  // The search's hits may still grow while older pages arrive.
  const searchingOlder = searching && older.hasMore && !olderError;

  const body = (() => {
    if (error && !messages) {
      return (
        <div className="p-4">
          <ErrorState
            title="Couldn't load the conversation"
            error={error}
            onRetry={() => onRetry?.()}
          />
        </div>
      );
    }
    if (isLoading || !messages) return <ChatSkeleton />;
    if (focusMissing && older.hasMore && !olderError)
      return <ChatSkeleton label="Finding the message in older messages" />;
    if (messages.length === 0) {
      return (
        <div className="p-4">
          <EmptyState title={`No WhatsApp messages with ${formatPhone(phone)}`}>
            The agent hasn't exchanged any messages with this number yet. New messages appear here
            as they arrive.
          </EmptyState>
        </div>
      );
    }
    if (rows.length === 0 && !older.hasMore) {
      return (
        <div className="p-4">
          <EmptyState title="Only system messages so far">
            This conversation has no messages between the agent and the candidate yet. Show system
            messages to see what the agent recorded.
          </EmptyState>
        </div>
      );
    }
    return (
      <ChatMessageList
        rows={rows}
        older={older}
        label={`WhatsApp conversation with ${formatPhone(phone)}`}
        query={query}
        activeMessageId={activeMessageId}
        scrollRequest={scrollRequest}
        holdScroll={searchingOlder}
      />
    );
  })();

  return (
    <div className={cn('flex min-h-0 flex-col overflow-hidden rounded-lg border', className)}>
      {messages && messages.length > 0 && (
        <div className="flex flex-wrap items-center gap-2 border-b bg-card p-2">
          <SearchStepper
            label="Search this conversation"
            className="min-w-60 flex-1"
            value={query}
            onValueChange={(value) => {
              setQuery(value);
              setHitId(null);
              setScrollRequest((n) => n + 1);
            }}
            current={current}
            total={hits.length}
            pending={searchingOlder}
            onStep={(direction) => {
              if (current === null) return;
              setHitId(hits[(current + direction + hits.length) % hits.length] ?? null);
              setScrollRequest((n) => n + 1);
            }}
          />
          {(systemCount > 0 || older.hasMore) && (
            <label className="flex items-center gap-2 rounded-md px-2 py-1 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-primary focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
                checked={showSystem}
                onChange={(event) => setSystemChoice(event.target.checked)}
              />
              {/* Counted once every message is loaded: a count of part of it would mislead. */}
              Show system messages{older.hasMore ? '' : ` (${formatCount(systemCount)})`}
            </label>
          )}
        </div>
      )}
      {body}
    </div>
  );
}
