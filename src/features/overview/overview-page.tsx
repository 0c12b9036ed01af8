import { useId } from 'react';
import { RefreshCw } from 'lucide-react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { useRowCounts, type RowCounts } from '@/data/overview/row-counts-query';
import { describeError } from '@/lib/api-error';
import { formatCount, formatDateTime, formatTime } from '@/lib/format';

const backendLabels: Record<keyof RowCounts['backend'], string> = {
  numbers: 'Contacts',
  sessions: 'Sessions',
  chat_history: 'Messages',
  calls: 'Calls',
  campaigns: 'Campaigns',
};

const appLabels: Record<keyof RowCounts['app'], string> = {
  candidates: 'Candidates',
  jobs: 'Jobs',
  candidate_notes: 'Notes',
  staff_members: 'Staff',
};

function CountGrid<Table extends string>({
  title,
  labels,
  counts,
}: {
  title: string;
  labels: Record<Table, string>;
  counts: Record<Table, number> | undefined;
}) {
  const headingId = useId();
  const tables = Object.keys(labels) as Table[];
  return (
    <section aria-labelledby={headingId} aria-busy={!counts}>
      <h2 id={headingId} className="mb-3 text-sm font-medium text-muted-foreground">
        {title}
      </h2>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {tables.map((table) => (
          <li key={table}>
            <Card className="grid gap-1 p-4">
              <span className="text-sm text-muted-foreground">{labels[table]}</span>
              {counts ? (
                <span className="text-2xl font-semibold">{formatCount(counts[table])}</span>
              ) : (
                <Skeleton className="h-8 w-20" />
              )}
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function OverviewPage() {
  const { data, error, isError, isFetching, refetch, dataUpdatedAt } = useRowCounts();
  const updatedAt = new Date(dataUpdatedAt);
  const everythingEmpty =
    data !== undefined &&
    [...Object.values(data.backend), ...Object.values(data.app)].every((n) => n === 0);

  return (
    <div className="grid gap-8">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-2xl font-semibold">Backend at a glance</h1>
        {data && (
          <p className="text-sm text-muted-foreground">
            Last updated{' '}
            <time dateTime={updatedAt.toISOString()} title={formatDateTime(updatedAt)}>
              {formatTime(updatedAt)}
            </time>
          </p>
        )}
      </div>

      {isError && (
        <Alert variant="destructive">
          <AlertTitle>
            {data ? "Couldn't refresh the counts" : "Couldn't load the counts"}
          </AlertTitle>
          <AlertDescription className="flex flex-wrap items-center justify-between gap-3">
            <span>{describeError(error)}</span>
            <Button
              variant="outline"
              size="sm"
              onClick={() => void refetch()}
              disabled={isFetching}
            >
              <RefreshCw aria-hidden="true" />
              Retry
            </Button>
          </AlertDescription>
        </Alert>
      )}

      {everythingEmpty && (
        <Alert role="status">
          <AlertTitle>Every table reads as empty</AlertTitle>
          <AlertDescription>
            Either no data has arrived yet, or your account is not listed as staff: only staff
            members can read the data. Ask an admin to add you.
          </AlertDescription>
        </Alert>
      )}

      {(data || !isError) && (
        <>
          <CountGrid
            title="Agent activity (backend)"
            labels={backendLabels}
            counts={data?.backend}
          />
          <CountGrid title="Recruiting (app)" labels={appLabels} counts={data?.app} />
        </>
      )}
    </div>
  );
}

export default OverviewPage;
