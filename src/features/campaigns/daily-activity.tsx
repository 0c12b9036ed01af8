import { Suspense, lazy } from 'react';
import { ErrorState } from '@/components/query-states';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { useCampaignDailyActivity } from '@/data/campaigns/campaign-daily-activity-query';
import type { DailyActivity as Day } from '@/lib/backend-types';
import { formatCount } from '@/lib/format';
import { formatDay } from './day-format';

const DailyActivityChart = lazy(() => import('./daily-activity-chart'));

const DAYS = 14;

/** The same numbers as the chart, for screen readers (the chart itself is hidden from them). */
function DailyTable({ days }: { days: Day[] }) {
  return (
    <table className="sr-only">
      <caption>Messages and calls per day, last {DAYS} days</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">Messages sent</th>
          <th scope="col">Messages received</th>
          <th scope="col">Calls</th>
        </tr>
      </thead>
      <tbody>
        {days.map((d) => (
          <tr key={d.day}>
            <th scope="row">{formatDay(d.day)}</th>
            <td>{formatCount(d.messagesOut)}</td>
            <td>{formatCount(d.messagesIn)}</td>
            <td>{formatCount(d.calls)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DailyActivity({ campaign }: { campaign: string }) {
  const { data, error, isError, isPending, refetch } = useCampaignDailyActivity(campaign, DAYS);
  const messages = data?.reduce((sum, d) => sum + d.messagesIn + d.messagesOut, 0) ?? 0;
  const calls = data?.reduce((sum, d) => sum + d.calls, 0) ?? 0;
  const chartSkeleton = <Skeleton className="h-[260px] w-full" />;

  return (
    <Card className="grid content-start gap-3 p-5" aria-busy={isPending}>
      <div className="grid gap-1">
        <h2 className="font-semibold">Messages and calls per day</h2>
        <p className="text-sm text-muted-foreground">
          {data
            ? `${formatCount(messages)} messages and ${formatCount(calls)} calls in the last ${DAYS} days`
            : `Last ${DAYS} days`}
        </p>
      </div>
      {isError && !data && (
        <ErrorState
          title="Couldn't load the daily activity"
          error={error}
          onRetry={() => void refetch()}
        />
      )}
      {isPending && !isError && chartSkeleton}
      {data && (
        <>
          <div aria-hidden="true">
            <Suspense fallback={chartSkeleton}>
              <DailyActivityChart days={data} />
            </Suspense>
          </div>
          <DailyTable days={data} />
        </>
      )}
    </Card>
  );
}
