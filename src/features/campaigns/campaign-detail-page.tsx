import { ArrowLeft } from 'lucide-react';
import { useCallback } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { EmptyState, ErrorState } from '@/components/query-states';
import { StatusBadge } from '@/components/status-badge';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { useAllCampaignStats } from '@/data/campaigns/campaign-stats-query';
import type { CampaignFunnelStep } from '@/lib/backend-types';
import { AttentionRulesCard } from './attention-rules-card';
import { CampaignFunnel } from './campaign-funnel';
import { CampaignLiveStats } from './campaign-live-stats';
import { CampaignSessions, SESSIONS_SECTION_ID } from './campaign-sessions';
import { DailyActivity } from './daily-activity';
import {
  type SessionsView,
  funnelSelection,
  isFunnelSelected,
  readSessionsView,
  writeSessionsView,
} from './sessions-view';

function BackLink() {
  return (
    <Button asChild variant="ghost" size="sm" className="w-fit">
      <Link to="/campaigns">
        <ArrowLeft aria-hidden="true" />
        All campaigns
      </Link>
    </Button>
  );
}

function CampaignNotFound({ name }: { name: string }) {
  return (
    <div className="grid gap-4">
      <BackLink />
      <h1 className="text-2xl font-semibold">Campaign not found</h1>
      <EmptyState title={`There is no campaign called '${name}'.`}>
        The link may be out of date, or the campaign was renamed. Pick one from the list of
        campaigns.
      </EmptyState>
    </div>
  );
}

/**
 * One campaign: its statistics, funnel, daily activity and sessions. Its existence is checked
 * against the all-campaigns statistics, which the campaigns page has usually loaded already.
 */
export default function CampaignDetailPage() {
  const { campaign = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const view = readSessionsView(params);
  const stats = useAllCampaignStats();
  const current = stats.data?.find((s) => s.campaign === campaign);

  const update = useCallback(
    (changes: Partial<SessionsView>) =>
      setParams((currentParams) => writeSessionsView(currentParams, changes), { replace: true }),
    [setParams],
  );
  const selectFunnelStep = (step: CampaignFunnelStep) => {
    update(funnelSelection(step));
    // On narrow screens the table is far below the funnel: bring it into view.
    document.getElementById(SESSIONS_SECTION_ID)?.scrollIntoView?.({ block: 'start' });
  };

  if (stats.isPending) {
    return (
      <div className="grid gap-6" aria-busy="true" aria-label="Loading the campaign">
        <Skeleton className="h-8 w-72" />
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-72 w-full" />
      </div>
    );
  }
  if (!stats.data) {
    return (
      <div className="grid gap-4">
        <BackLink />
        <ErrorState
          title="Couldn't load the campaign"
          error={stats.error}
          onRetry={() => void stats.refetch()}
        />
      </div>
    );
  }
  if (!current) return <CampaignNotFound name={campaign} />;

  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <BackLink />
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{campaign}</h1>
          {current.status && <StatusBadge status={current.status} />}
        </div>
        {current.description && (
          <p className="max-w-3xl text-muted-foreground">{current.description}</p>
        )}
      </div>
      <CampaignLiveStats campaign={campaign} />
      <div className="grid gap-6 lg:grid-cols-2 lg:items-start">
        <CampaignFunnel
          campaign={campaign}
          isSelected={(step) => isFunnelSelected(view, step)}
          onSelect={selectFunnelStep}
        />
        <DailyActivity campaign={campaign} />
      </div>
      <CampaignSessions
        campaign={campaign}
        objectives={current.objectiveBreakdown}
        view={view}
        onChange={update}
      />
      <AttentionRulesCard campaign={campaign} />
    </div>
  );
}
