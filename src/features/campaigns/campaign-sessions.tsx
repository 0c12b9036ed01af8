import { Download, X } from 'lucide-react';
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { NoMatches } from '@/components/no-matches';
import { EmptyState, ErrorState } from '@/components/query-states';
import { RelativeTime } from '@/components/relative-time';
import { StatusBadge } from '@/components/status-badge';
import { StatusFilter, statusOptions } from '@/components/status-filter';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { Skeleton } from '@/components/ui/skeleton';
import {
  type CampaignSession,
  useCampaignSessions,
} from '@/data/campaigns/campaign-sessions-query';
import { useStatusCounts } from '@/data/live/status-counts-query';
import type { CampaignObjective } from '@/lib/backend-types';
import { withCandidate } from '@/lib/candidate-link';
import { formatCount } from '@/lib/format';
import { formatPhone, normalizePhone } from '@/lib/normalizers';
import { cn } from '@/lib/utils';
import { csvFileName, downloadCsv, sessionsCsv } from './sessions-csv';
import {
  CLEARED,
  REACHED_LABELS,
  type SessionsView,
  hasSessionFilters,
  nextRows,
  sessionFilterParts,
  sessionFilters,
} from './sessions-view';

export const SESSIONS_SECTION_ID = 'campaign-sessions';

const COLUMNS = ['Candidate', 'Status', 'Messages', 'Calls', 'Last activity', 'Objectives reached'];
const NUMERIC = new Set(['Messages', 'Calls']);

// The "reached" select holds a funnel step or an objective; one value encodes either.
const ANY = '';
const toReachedValue = (view: SessionsView) =>
  view.objective ? `objective:${view.objective}` : view.reached ? `step:${view.reached}` : ANY;
function fromReachedValue(value: string): Pick<SessionsView, 'reached' | 'objective'> {
  if (value.startsWith('objective:')) return { reached: null, objective: value.slice(10) };
  if (value === 'step:replied' || value === 'step:called')
    return { reached: value.slice(5) as SessionsView['reached'], objective: null };
  return { reached: null, objective: null };
}

function CandidateCell({ session, params }: { session: CampaignSession; params: URLSearchParams }) {
  const phone = normalizePhone(session.phoneNumber);
  const shownPhone = session.phoneNumber ? formatPhone(session.phoneNumber) : null;
  const title = session.candidateName ?? shownPhone ?? session.sessionId;
  return (
    <div className="grid min-w-40">
      {phone.ok ? (
        <Link
          to={`?${withCandidate(params, phone.e164, 'chat')}`}
          className="w-fit rounded-sm font-medium underline decoration-foreground/25 underline-offset-4 outline-none hover:decoration-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          {title}
        </Link>
      ) : (
        <span className="font-medium">{title}</span>
      )}
      {session.candidateName && shownPhone && (
        <span className="text-xs text-muted-foreground">{shownPhone}</span>
      )}
    </div>
  );
}

/**
 * A campaign's sessions, filtered in Postgres by status and by what they reached (a funnel
 * step or an objective), with the visible rows exportable as CSV.
 */
export function CampaignSessions({
  campaign,
  objectives,
  view,
  onChange,
}: {
  campaign: string;
  objectives: CampaignObjective[];
  view: SessionsView;
  onChange: (changes: Partial<SessionsView>) => void;
}) {
  const [params] = useSearchParams();
  const reachedId = useId();
  const { data, error, isError, isPending, isPlaceholderData, refetch } = useCampaignSessions(
    campaign,
    sessionFilters(view),
  );
  const counts = useStatusCounts(campaign);
  const countByStatus = new Map((counts.data ?? []).map((c) => [c.status ?? '', c.sessions]));
  const rows = data?.rows ?? [];

  return (
    <Card id={SESSIONS_SECTION_ID} className="grid scroll-mt-20 gap-4 p-5" aria-busy={isPending}>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div className="grid gap-1">
          <h2 className="font-semibold">Sessions</h2>
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {data
              ? `Showing ${formatCount(rows.length)} of ${formatCount(data.total)}, most recently active first`
              : 'Loading…'}
          </p>
        </div>
        <Button
          variant="outline"
          size="sm"
          disabled={!rows.length}
          onClick={() => downloadCsv(csvFileName(campaign), sessionsCsv(rows))}
        >
          <Download aria-hidden="true" />
          Export CSV
          <span className="sr-only">
            {' '}
            ({formatCount(rows.length)} {rows.length === 1 ? 'row' : 'rows'})
          </span>
        </Button>
      </div>

      <div className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_16rem] lg:items-end">
        <div className="flex flex-wrap items-center gap-3">
          <StatusFilter
            options={statusOptions(countByStatus.keys())}
            selected={view.statuses}
            counts={counts.data ? countByStatus : undefined}
            onChange={(statuses) => onChange({ statuses, limit: CLEARED.limit })}
          />
          {hasSessionFilters(view) && (
            <Button variant="ghost" size="sm" onClick={() => onChange(CLEARED)}>
              <X aria-hidden="true" />
              Clear filters
            </Button>
          )}
        </div>
        <div className="grid gap-1.5 sm:max-w-xs lg:max-w-none">
          <Label htmlFor={reachedId}>Reached</Label>
          <NativeSelect
            id={reachedId}
            value={toReachedValue(view)}
            onChange={(event) =>
              onChange({ ...fromReachedValue(event.target.value), limit: CLEARED.limit })
            }
          >
            <option value={ANY}>Any step</option>
            <optgroup label="Engagement">
              <option value="step:replied">{REACHED_LABELS.replied}</option>
              <option value="step:called">{REACHED_LABELS.called}</option>
            </optgroup>
            {objectives.length > 0 && (
              <optgroup label="Objective achieved">
                {objectives.map((o) => (
                  <option key={o.key} value={`objective:${o.key}`}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            )}
          </NativeSelect>
        </div>
      </div>

      {isError && (
        <ErrorState
          title={data ? "Couldn't refresh the sessions" : "Couldn't load the sessions"}
          error={error}
          onRetry={() => void refetch()}
        />
      )}
      {isPending && !isError && (
        <div className="grid gap-2" aria-hidden="true">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-10" />
          ))}
        </div>
      )}
      {data &&
        rows.length === 0 &&
        (hasSessionFilters(view) ? (
          <NoMatches
            what="sessions"
            filters={sessionFilterParts(view, objectives)}
            onClear={() => onChange(CLEARED)}
          />
        ) : (
          <EmptyState title="No sessions yet">
            Sessions appear here once the agent contacts someone for this campaign.
          </EmptyState>
        ))}
      {rows.length > 0 && (
        <div className={cn('overflow-x-auto', isPlaceholderData && 'opacity-60')}>
          <table className="w-full text-sm">
            <caption className="sr-only">Sessions of {campaign}</caption>
            <thead>
              <tr className="border-b text-left text-muted-foreground">
                {COLUMNS.map((column) => (
                  <th
                    key={column}
                    scope="col"
                    className={cn(
                      'px-2 py-2 font-medium whitespace-nowrap',
                      NUMERIC.has(column) && 'text-right',
                    )}
                  >
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => {
                const reached = s.objectives.filter((o) => o.achieved);
                return (
                  <tr key={s.sessionId} className="border-b align-top last:border-0">
                    <td className="px-2 py-2">
                      <CandidateCell session={s} params={params} />
                    </td>
                    <td className="px-2 py-2">
                      <StatusBadge status={s.status} />
                    </td>
                    <td
                      className="px-2 py-2 text-right"
                      title={`${formatCount(s.messagesIn)} received, ${formatCount(s.messagesOut)} sent`}
                    >
                      {formatCount(s.messageCount)}
                    </td>
                    <td className="px-2 py-2 text-right">{formatCount(s.callCount)}</td>
                    <td className="px-2 py-2 whitespace-nowrap">
                      <RelativeTime value={s.lastActivity} fallback="None" />
                    </td>
                    <td className="min-w-64 px-2 py-2">
                      {reached.length ? (
                        reached.map((o) => o.label).join(', ')
                      ) : (
                        <span className="text-muted-foreground">None yet</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {data && rows.length < data.total && (
        <div className="flex justify-center">
          <Button
            variant="outline"
            size="sm"
            onClick={() => onChange({ limit: nextRows(view.limit) })}
          >
            Show more
          </Button>
        </div>
      )}
    </Card>
  );
}
