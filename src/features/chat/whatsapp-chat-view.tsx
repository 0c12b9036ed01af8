import { useMemo, useState } from 'react';
import { EmptyState, ErrorState } from '@/components/query-states';
import { SearchStepper } from '@/components/search-stepper';
import { textMatcher } from '@/components/text-match';
import { Skeleton } from '@/components/ui/skeleton';
import type { ChatMessage } from '@/lib/backend-types';
import { formatCount } from '@/lib/format';
import { formatPhone } from '@/lib/normalizers';
import { cn } from '@/lib/utils';
import { ChatMessageList } from './chat-message-list';
import { bubbleKindOf, buildChatRows, countSystemMessages } from './chat-rows';

export interface WhatsAppChatViewProps {
  /** The conversation, oldest first; undefined while it loads. */
  messages: ChatMessage[] | undefined;
  /** The candidate's phone, named in the empty state. */
  phone: string;
  isLoading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** A message to scroll to and mark on opening, e.g. one picked on the timeline. */
  focusMessageId?: number | null;
  className?: string;
}

function ChatSkeleton() {
  return (
    <div className="grid gap-3 p-4" aria-busy="true" aria-label="Loading the conversation">
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
  // null: the newest hit, where the reader starts (at the bottom of the chat).
  const [hitIndex, setHitIndex] = useState<number | null>(null);
  const [scrollRequest, setScrollRequest] = useState(0);

  const rows = useMemo(() => buildChatRows(messages ?? [], { showSystem }), [messages, showSystem]);
  const hits = useMemo(() => {
    const matches = textMatcher(query);
    if (!matches) return [];
    return rows.flatMap((row) =>
      row.kind === 'message' && matches(row.text) ? [row.message.id] : [],
    );
  }, [rows, query]);
  const current = hits.length ? Math.min(hitIndex ?? hits.length - 1, hits.length - 1) : null;
  const activeMessageId =
    current !== null ? (hits[current] ?? null) : query.trim() ? null : focusMessageId;
  const systemCount = useMemo(() => countSystemMessages(messages ?? []), [messages]);

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
    if (rows.length === 0) {
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
        messageCount={messages.length}
        label={`WhatsApp conversation with ${formatPhone(phone)}`}
        query={query}
        activeMessageId={activeMessageId}
        scrollRequest={scrollRequest}
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
              setHitIndex(null);
              setScrollRequest((n) => n + 1);
            }}
            current={current}
            total={hits.length}
            onStep={(direction) => {
              if (current === null) return;
              setHitIndex((current + direction + hits.length) % hits.length);
              setScrollRequest((n) => n + 1);
            }}
          />
          {systemCount > 0 && (
            <label className="flex items-center gap-2 rounded-md px-2 py-1 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-primary focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
                checked={showSystem}
                onChange={(event) => setSystemChoice(event.target.checked)}
              />
              Show system messages ({formatCount(systemCount)})
            </label>
          )}
        </div>
      )}
      {body}
    </div>
  );
}
