import { Pause, Play } from 'lucide-react';
import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { NoMatches } from '@/components/no-matches';
import { EmptyState, ErrorState } from '@/components/query-states';
import { statusOptions } from '@/components/status-filter';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { UpdatedAgo } from '@/components/updated-ago';
import { useNow } from '@/components/use-now';
import { useAllCampaignStats } from '@/data/campaigns/campaign-stats-query';
import { useLiveSessions } from '@/data/live/live-sessions-query';
import { useStatusCounts } from '@/data/live/status-counts-query';
import { withCandidate } from '@/lib/candidate-link';
import { formatCount } from '@/lib/format';
import { normalizePhone } from '@/lib/normalizers';
import {
  type LiveView,
  MAX_LIMIT,
  clearFilters,
  filterParts,
  hasFilters,
  isStalled,
  nextLimit,
  readLiveView,
  stallOption,
  writeLiveView,
} from './live-view';
import { LiveFilters } from './live-filters';
import { SessionCard } from './session-card';

// Stall flags change by the minute; re-checking more often would only cost renders.
const STALL_CHECK_MS = 15_000;

function SessionCardSkeleton() {
  return (
    <Card className="grid gap-3 p-4">
      <div className="flex justify-between gap-3">
        <div className="grid gap-2">
          <Skeleton className="h-5 w-40" />
          <Skeleton className="h-4 w-56" />
        </div>
        <Skeleton className="h-5 w-16" />
      </div>
      <Skeleton className="h-4 w-64" />
      <div className="flex gap-1">
        <Skeleton className="h-5 w-20" />
        <Skeleton className="h-5 w-24" />
        <Skeleton className="h-5 w-16" />
      </div>
    </Card>
  );
}

/** The Live page (DESIGN §1, issue 6): active conversations as they happen, filtered, newest first. */
export function LiveActivityDashboard() {
  const [params, setParams] = useSearchParams();
  const view = readLiveView(params);
  const [paused, setPaused] = useState(false);
  const now = useNow(STALL_CHECK_MS);

  // Query keys are compared by value, so a fresh object each render is fine.
  const filters = { campaign: view.campaign, statuses: view.statuses, search: view.search };
  const sessions = useLiveSessions(view.limit, filters, { paused });
  const counts = useStatusCounts(view.campaign, { paused });
  const campaigns = useAllCampaignStats();

  const update = useCallback(
    (changes: Partial<LiveView>) =>
      setParams((current) => writeLiveView(current, changes), { replace: true }),
    [setParams],
  );
  const clear = () => setParams((current) => clearFilters(current), { replace: true });

  const countByStatus = useMemo(
    () => new Map((counts.data ?? []).map((c) => [c.status ?? '', c.sessions])),
    [counts.data],
  );
  const activeNow = counts.data ? (countByStatus.get('active') ?? 0) : null;
  const stall = stallOption(view.stallAfter);
  // New sessions are drawn in a transition: React renders the cards in slices between clicks,
  // typing and clock ticks rather than as one long task, and the skeleton (or the previous list)
  // stays until they are ready. Not useDeferredValue: its renders give way to every clock tick.
  const { data, isPlaceholderData } = sessions;
  const [shown, setShown] = useState({ data, stale: isPlaceholderData });
  useEffect(
    () => startTransition(() => setShown({ data, stale: isPlaceholderData })),
    [data, isPlaceholderData],
  );
  const rendering = shown.data !== data;
  // The previous filters' list, until the new one is drawn.
  const stale = isPlaceholderData || shown.stale;
  const rows = shown.data ?? [];
  const mayHaveMore = rows.length >= view.limit && view.limit < MAX_LIMIT;

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1">
          <h1 className="text-2xl font-semibold">Live activity</h1>
          <div className="flex flex-wrap items-center gap-x-2 text-sm text-muted-foreground">
            <span>
              {activeNow === null ? (
                <Skeleton className="inline-block h-4 w-24 align-middle" />
              ) : (
                <>
                  <strong className="font-semibold text-foreground">
                    {formatCount(activeNow)}
                  </strong>{' '}
                  {activeNow === 1 ? 'conversation' : 'conversations'} active now
                  {view.campaign && ` in ${view.campaign}`}
                </>
              )}
            </span>
            {sessions.dataUpdatedAt > 0 && (
              <>
                <span aria-hidden="true">·</span>
                <UpdatedAgo prefix="Synced" at={sessions.dataUpdatedAt} />
              </>
            )}
            {paused && (
              <>
                <span aria-hidden="true">·</span>
                <span className="font-medium text-foreground">Auto-refresh paused</span>
              </>
            )}
          </div>
        </div>
        <Button variant="outline" onClick={() => setPaused((p) => !p)}>
          {paused ? <Play aria-hidden="true" /> : <Pause aria-hidden="true" />}
          {paused ? 'Resume auto-refresh' : 'Pause auto-refresh'}
        </Button>
      </div>

      <LiveFilters
        view={view}
        campaigns={(campaigns.data ?? []).map((c) => c.campaign)}
        statuses={statusOptions(countByStatus.keys())}
        counts={counts.data ? countByStatus : undefined}
        onChange={update}
        onClear={clear}
      />

      {sessions.isError && (
        <ErrorState
          title={sessions.data ? "Couldn't refresh the sessions" : "Couldn't load the sessions"}
          error={sessions.error}
          onRetry={() => void sessions.refetch()}
        />
      )}

      {!shown.data && !sessions.isError && (
        <ul aria-label="Loading sessions" aria-busy="true" className="grid gap-3 lg:grid-cols-2">
          {Array.from({ length: 6 }, (_, i) => (
            <li key={i}>
              <SessionCardSkeleton />
            </li>
          ))}
        </ul>
      )}

      {shown.data &&
        rows.length === 0 &&
        (hasFilters(view) ? (
          <NoMatches what="sessions" filters={filterParts(view)} onClear={clear} />
        ) : (
          <EmptyState title="No conversations yet">
            Conversations appear here as soon as the agent starts one.
          </EmptyState>
        ))}

      {rows.length > 0 && (
        <section aria-label="Sessions" aria-busy={stale || rendering} className="grid gap-3">
          <ul className={`grid gap-3 lg:grid-cols-2 ${stale ? 'opacity-60' : ''}`}>
            {rows.map((session) => {
              const phone = normalizePhone(session.phoneNumber);
              return (
                <li key={session.sessionId}>
                  <SessionCard
                    session={session}
                    href={phone.ok ? `?${withCandidate(params, phone.e164, 'chat')}` : null}
                    stalledFor={isStalled(session, stall.ms, now) ? stall.label : null}
                  />
                </li>
              );
            })}
          </ul>
          <div className="flex flex-wrap items-center justify-center gap-3 text-sm text-muted-foreground">
            <span>
              {formatCount(rows.length)} most recently active{' '}
              {rows.length === 1 ? 'session' : 'sessions'}
            </span>
            {mayHaveMore && (
              <Button
                variant="outline"
                size="sm"
                onClick={() => update({ limit: nextLimit(view.limit) })}
              >
                Show more
              </Button>
            )}
          </div>
        </section>
      )}
    </div>
  );
}
