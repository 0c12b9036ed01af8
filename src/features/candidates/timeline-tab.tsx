import {
  CheckCircle2,
  MessageCircle,
  Phone,
  StickyNote,
  UserCheck,
  type LucideIcon,
} from 'lucide-react';
import { useEffect, useId, useMemo, useState } from 'react';
import { DateTime } from '@/components/date-time';
import { EmptyState, ErrorState } from '@/components/query-states';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import type { Conversation } from '@/data/chat/chat-pages-query';
import { useAttentionEvents } from '@/data/attention/attention-queries';
import { useNotes } from '@/data/notes/notes-query';
import type { CandidateSummary } from '@/lib/backend-types';
import { formatCount } from '@/lib/format';
import { cn } from '@/lib/utils';
import type { QueryState } from './query-state';
import {
  buildTimeline,
  timelineView,
  type TimelineEntry,
  type TimelineKind,
  type TimelineTarget,
} from './timeline-entries';

const KINDS: Record<TimelineKind, { label: string; icon: LucideIcon; tone: string }> = {
  message: { label: 'Messages', icon: MessageCircle, tone: 'text-emerald-600' },
  call: { label: 'Calls', icon: Phone, tone: 'text-blue-600' },
  objective: { label: 'Objectives', icon: CheckCircle2, tone: 'text-green-600' },
  note: { label: 'Notes', icon: StickyNote, tone: 'text-amber-600' },
  attention: { label: 'Attention', icon: UserCheck, tone: 'text-orange-700' },
};
const KIND_ORDER = Object.keys(KINDS) as TimelineKind[];

const NO_SESSIONS: string[] = [];

// A long conversation makes thousands of entries: draw them a page at a time.
const PAGE = 100;

interface TimelineTabProps {
  profile: QueryState<CandidateSummary>;
  /** The messages, loaded newest page first: older entries wait until their messages are loaded. */
  conversation: Conversation;
  /** The app's candidate id, for their notes; null when the app has no record of them. */
  candidateId: number | null;
  onOpen: (target: TimelineTarget) => void;
}

function TimelineSkeleton() {
  return (
    <div className="grid gap-2" aria-busy="true" aria-label="Loading the timeline">
      {[0, 1, 2, 3, 4].map((index) => (
        <Skeleton key={index} className="h-14 w-full" />
      ))}
    </div>
  );
}

function TimelineItem({ entry, onOpen }: { entry: TimelineEntry; onOpen: () => void }) {
  const { icon: Icon, tone } = KINDS[entry.kind];
  return (
    <li>
      <button
        type="button"
        onClick={onOpen}
        className="flex w-full items-start gap-3 rounded-md px-2 py-2 text-left outline-none hover:bg-muted focus-visible:ring-[3px] focus-visible:ring-ring/50"
      >
        <Icon aria-hidden="true" className={cn('mt-0.5 size-4 shrink-0', tone)} />
        <span className="grid min-w-0 flex-1 gap-0.5">
          <span className="flex flex-wrap items-baseline justify-between gap-x-3">
            <span className="font-medium">{entry.title}</span>
            <span className="text-xs text-muted-foreground tabular-nums">
              <DateTime value={entry.at} fallback="Time unknown" />
            </span>
          </span>
          {entry.detail && (
            <span className="line-clamp-2 text-sm break-words text-muted-foreground">
              {entry.detail}
            </span>
          )}
        </span>
      </button>
    </li>
  );
}

/** Messages, calls, objectives and notes in one feed, newest first; each opens where it lives. */
export function TimelineTab({ profile, conversation, candidateId, onOpen }: TimelineTabProps) {
  const notes = useNotes(candidateId);
  const attention = useAttentionEvents(profile.data?.sessionIds ?? NO_SESSIONS);
  const filterLabelId = useId();
  const [hidden, setHidden] = useState<ReadonlySet<TimelineKind>>(new Set());
  const [limit, setLimit] = useState(PAGE);

  const { messages, older } = conversation;
  const entries = useMemo(
    () =>
      profile.data
        ? buildTimeline({
            messages: messages ?? [],
            calls: profile.data.callHistory,
            objectives: profile.data.objectiveTimeline,
            notes: notes.data ?? [],
            attention: attention.data ?? [],
          })
        : [],
    [profile.data, messages, notes.data, attention.data],
  );
  const { counts, shown, complete, wantOlder } = useMemo(
    () =>
      timelineView({
        entries,
        hidden,
        messageCount: profile.data?.messageCount ?? 0,
        olderHasMore: older.hasMore,
        limit,
      }),
    [entries, hidden, profile.data, older.hasMore, limit],
  );
  // Asked for more entries than the loaded messages make: load the next older page.
  useEffect(() => {
    if (wantOlder && !older.loading && !older.error) older.load();
  }, [wantOlder, older]);

  if (!profile.data || (conversation.isPending && !conversation.error)) {
    return profile.error ? (
      <ErrorState
        title="Couldn't load the timeline"
        error={profile.error}
        onRetry={profile.onRetry}
      />
    ) : (
      <TimelineSkeleton />
    );
  }

  const toggle = (kind: TimelineKind) =>
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-muted-foreground" id={filterLabelId}>
          Show
        </span>
        <div role="group" aria-labelledby={filterLabelId} className="flex flex-wrap gap-1.5">
          {KIND_ORDER.map((kind) => {
            const { label, icon: Icon } = KINDS[kind];
            return (
              <Button
                key={kind}
                variant={hidden.has(kind) ? 'outline' : 'secondary'}
                size="sm"
                aria-pressed={!hidden.has(kind)}
                onClick={() => toggle(kind)}
              >
                <Icon aria-hidden="true" />
                {label} ({formatCount(counts.get(kind) ?? 0)})
              </Button>
            );
          })}
        </div>
        <span className="ml-auto text-sm text-muted-foreground">Newest first</span>
      </div>
      {conversation.error !== null && conversation.error !== undefined && (
        <ErrorState
          title="Couldn't load the messages for the timeline"
          error={conversation.error}
          onRetry={conversation.retry}
        />
      )}
      {notes.error !== null && (
        <ErrorState
          title="Couldn't load the notes for the timeline"
          error={notes.error}
          onRetry={() => void notes.refetch()}
        />
      )}
      {shown.length === 0 ? (
        <EmptyState
          title={entries.length ? 'Everything is filtered out' : 'Nothing has happened yet'}
        >
          {entries.length
            ? 'Turn a kind back on above to see its entries.'
            : 'Messages, calls, achieved objectives and notes appear here as they happen.'}
        </EmptyState>
      ) : (
        <>
          <ol
            className="grid divide-y rounded-lg border bg-card"
            aria-label="Timeline, newest first"
          >
            {shown.slice(0, limit).map((entry) => (
              <TimelineItem key={entry.key} entry={entry} onOpen={() => onOpen(entry.target)} />
            ))}
          </ol>
          {shown.length > limit ? (
            <Button variant="outline" className="w-fit" onClick={() => setLimit(limit + PAGE)}>
              Show {formatCount(Math.min(PAGE, shown.length - limit))} more
              {complete && ` of ${formatCount(shown.length - limit)}`}
            </Button>
          ) : (
            !complete && (
              <Button
                variant="outline"
                className="w-fit"
                disabled={older.loading}
                onClick={older.load}
              >
                {older.loading ? 'Loading older messages…' : 'Show more'}
              </Button>
            )
          )}
          {older.error !== null && older.error !== undefined && (
            <p role="alert" className="text-sm text-destructive">
              Couldn't load older messages. Try again.
            </p>
          )}
        </>
      )}
    </div>
  );
}
