import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { SelectField, campaignSelect } from '@/components/filter-bar';
import { EmptyState, ErrorState } from '@/components/query-states';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { useNow } from '@/components/use-now';
import { useAttentionQueue } from '@/data/attention/attention-queries';
import { useSession } from '@/data/auth/session-query';
import { useAllCampaignStats } from '@/data/campaigns/campaign-stats-query';
import { ATTENTION_MAX_LIMIT, ATTENTION_PAGE_SIZE, ATTENTION_REASONS } from '@/lib/attention-types';
import { formatCount } from '@/lib/format';
import { cn } from '@/lib/utils';
import { AttentionEntryCard } from './attention-entry';
import { reasonLabel } from '@/lib/attention-reason-text';

/** ?reason=awaiting_reply,escalated&campaign=… */
function useAttentionView() {
  const [params, setParams] = useSearchParams();
  const reasons = (params.get('reason') ?? '').split(',').filter(Boolean);
  const campaign = params.get('campaign') || null;
  const setCampaign = (chosen: string | null) => {
    const next = new URLSearchParams(params);
    if (chosen) next.set('campaign', chosen);
    else next.delete('campaign');
    setParams(next);
  };
  const toggle = (reason: string) => {
    const next = new URLSearchParams(params);
    const chosen = reasons.includes(reason)
      ? reasons.filter((r) => r !== reason)
      : [...reasons, reason];
    if (chosen.length) next.set('reason', chosen.join(','));
    else next.delete('reason');
    setParams(next);
  };
  return { reasons, campaign, toggle, setCampaign };
}

export default function AttentionPage() {
  const { reasons, campaign, toggle, setCampaign } = useAttentionView();
  const campaignStats = useAllCampaignStats();
  const campaignNames = [...new Set((campaignStats.data ?? []).map((c) => c.campaign))].sort();
  const me = useSession().data?.userId;
  const now = useNow(30_000);
  const [limit, setLimit] = useState(ATTENTION_PAGE_SIZE);
  const queue = useAttentionQueue(
    { campaign, reasons: reasons.length ? reasons : null },
    { limit, now },
  );
  const data = queue.data;
  const counts = data?.counts ?? {};
  const codes = [...new Set([...ATTENTION_REASONS, ...Object.keys(counts)])];

  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-2xl font-semibold">Attention</h1>
        <p className="text-sm text-muted-foreground">
          Conversations that need a person now, newest reason first. They leave by themselves when
          the reason ends.
        </p>
      </div>
      <div className="w-full max-w-xs">
        <SelectField {...campaignSelect(campaign, campaignNames, setCampaign)} />
      </div>
      <div role="group" aria-label="Reasons" className="flex flex-wrap gap-2">
        {codes.map((code) => (
          <button
            key={code}
            type="button"
            aria-pressed={reasons.includes(code)}
            onClick={() => toggle(code)}
            className={cn(
              'rounded-full border px-3 py-1 text-sm outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50',
              reasons.includes(code)
                ? 'bg-primary text-primary-foreground'
                : 'bg-card hover:bg-muted',
            )}
          >
            {reasonLabel(code)} ({formatCount(counts[code] ?? 0)})
          </button>
        ))}
      </div>
      {queue.error ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : !data ? (
        <div aria-busy="true" aria-label="Loading" className="grid gap-3">
          <Skeleton className="h-32 w-full" />
          <Skeleton className="h-32 w-full" />
        </div>
      ) : data.entries.length === 0 ? (
        <EmptyState title="Nothing needs a person right now">
          {reasons.length || campaign
            ? 'No entry matches these filters.'
            : 'New entries appear here as soon as a reason opens.'}
        </EmptyState>
      ) : (
        <>
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {formatCount(data.total)} {data.total === 1 ? 'entry' : 'entries'}
            {data.total > data.entries.length &&
              `, the newest ${formatCount(data.entries.length)} shown`}
          </p>
          <ul className="grid gap-3" aria-label="Attention entries">
            {data.entries.map((entry) => (
              <AttentionEntryCard
                key={entry.sessionId}
                entry={entry}
                claim={data.claims.get(entry.sessionId)}
                me={me}
                now={now}
              />
            ))}
          </ul>
          {data.total > data.entries.length && limit < ATTENTION_MAX_LIMIT && (
            <Button
              variant="outline"
              className="w-fit justify-self-center"
              disabled={queue.isPlaceholderData}
              onClick={() =>
                setLimit((l) => Math.min(l + ATTENTION_PAGE_SIZE, ATTENTION_MAX_LIMIT))
              }
            >
              {queue.isPlaceholderData ? 'Loading…' : 'Show more'}
            </Button>
          )}
        </>
      )}
    </div>
  );
}
