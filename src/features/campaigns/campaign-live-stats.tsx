import { Link } from 'react-router';
import { EmptyState, ErrorState } from '@/components/query-states';
import { StatusBadge } from '@/components/status-badge';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { UpdatedAgo } from '@/components/updated-ago';
import { useAllCampaignStats } from '@/data/campaigns/campaign-stats-query';
import type { BackendCampaignStats } from '@/lib/backend-types';
import { CampaignFigures, LastActivity, ObjectiveBars } from './campaign-numbers';
import { campaignPath } from './campaign-path';

function CampaignCard({ stats }: { stats: BackendCampaignStats }) {
  return (
    // The title link is stretched over the card: one tab stop that opens the campaign.
    <Card className="relative grid content-start gap-4 p-5 transition-colors focus-within:ring-[3px] focus-within:ring-ring/50 hover:border-primary/40">
      <div className="flex items-start justify-between gap-3">
        <div className="grid min-w-0 gap-1">
          <h2 className="text-lg font-semibold">
            <Link
              to={campaignPath(stats.campaign)}
              className="outline-none after:absolute after:inset-0 after:rounded-xl after:content-['']"
            >
              {stats.campaign}
            </Link>
          </h2>
          {stats.description && (
            <p className="line-clamp-2 text-sm text-muted-foreground">{stats.description}</p>
          )}
        </div>
        {stats.status && <StatusBadge status={stats.status} />}
      </div>
      <CampaignFigures stats={stats} />
      <section aria-label={`Objectives achieved in ${stats.campaign}`} className="grid gap-2">
        <h3 className="text-sm font-medium">Objectives achieved</h3>
        <ObjectiveBars stats={stats} />
      </section>
      <div className="relative z-10 w-fit">
        <LastActivity at={stats.lastActivity} />
      </div>
    </Card>
  );
}

function CampaignCardSkeleton() {
  return (
    <Card className="grid gap-4 p-5">
      <Skeleton className="h-6 w-48" />
      <div className="grid grid-cols-4 gap-4">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="h-10" />
        ))}
      </div>
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} className="h-6" />
      ))}
    </Card>
  );
}

/**
 * Live statistics for every campaign, one card each, from one request (refreshed every 30 s and
 * on realtime changes). With `campaign`, only that campaign's figures, for its own page, where the
 * funnel shows the objectives.
 */
export function CampaignLiveStats({ campaign }: { campaign?: string }) {
  const { data, error, isError, isPending, refetch, dataUpdatedAt } = useAllCampaignStats();
  const shown = campaign === undefined ? data : data?.filter((s) => s.campaign === campaign);

  const updated = (
    <p className="text-sm text-muted-foreground">
      <UpdatedAgo prefix="Updated" at={dataUpdatedAt} />
    </p>
  );

  return (
    <section aria-label="Campaign statistics" aria-busy={isPending} className="grid gap-3">
      {isError && (
        <ErrorState
          title={data ? "Couldn't refresh the statistics" : "Couldn't load the statistics"}
          error={error}
          onRetry={() => void refetch()}
        />
      )}
      {isPending && !isError && (
        <div className="grid gap-4 lg:grid-cols-2">
          <CampaignCardSkeleton />
          {campaign === undefined && <CampaignCardSkeleton />}
        </div>
      )}
      {shown && shown.length === 0 && campaign === undefined && (
        <EmptyState title="No campaigns yet">
          Campaigns appear here once the agent's backend has a campaign or a session in one.
        </EmptyState>
      )}
      {shown && shown.length > 0 && campaign === undefined && (
        <>
          {updated}
          <ul className="grid gap-4 lg:grid-cols-2">
            {shown.map((stats) => (
              <li key={stats.campaign} className="grid">
                <CampaignCard stats={stats} />
              </li>
            ))}
          </ul>
        </>
      )}
      {shown?.[0] && campaign !== undefined && (
        <Card className="grid gap-4 p-5">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="font-semibold">Statistics</h2>
            {updated}
          </div>
          <CampaignFigures stats={shown[0]} />
          <LastActivity at={shown[0].lastActivity} />
        </Card>
      )}
    </section>
  );
}
