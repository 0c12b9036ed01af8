import { useId } from 'react';
import { ErrorState } from '@/components/query-states';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { useCampaignFunnel } from '@/data/campaigns/campaign-funnel-query';
import type { CampaignFunnelStep } from '@/lib/backend-types';
import { formatCount, formatPercent } from '@/lib/format';
import { cn } from '@/lib/utils';
import { ShareBar } from './share-bar';
import { REACHED_LABELS } from './sessions-view';

const STEP_LABELS = { contacts: 'All contacts', ...REACHED_LABELS };

function FunnelBar({
  step,
  selected,
  onSelect,
}: {
  step: CampaignFunnelStep;
  selected: boolean;
  onSelect: () => void;
}) {
  const label = step.step === 'objective' ? step.label : STEP_LABELS[step.step];
  return (
    <button
      type="button"
      aria-pressed={selected}
      onClick={onSelect}
      className={cn(
        'grid w-full gap-1 rounded-md px-2 py-1.5 text-left outline-none transition-colors hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50',
        selected && 'bg-accent ring-1 ring-primary/40',
      )}
    >
      <span className="flex items-baseline justify-between gap-3 text-sm">
        <span className={cn('truncate', selected && 'font-medium')}>{label}</span>
        <span className="shrink-0 text-muted-foreground">
          <span className="font-medium text-foreground">{formatCount(step.sessions)}</span> ·{' '}
          {formatPercent(step.share)}
        </span>
      </span>
      <ShareBar share={step.share} className="h-2.5" />
    </button>
  );
}

/**
 * Contacts → replied → called → each objective, as bars with counts and the share of contacts.
 * Each bar is a button that filters the sessions table to the sessions it counts.
 */
export function CampaignFunnel({
  campaign,
  isSelected,
  onSelect,
}: {
  campaign: string;
  isSelected: (step: CampaignFunnelStep) => boolean;
  onSelect: (step: CampaignFunnelStep) => void;
}) {
  const objectivesHeadingId = useId();
  const { data, error, isError, isPending, refetch } = useCampaignFunnel(campaign);
  const engagement = data?.filter((s) => s.step !== 'objective') ?? [];
  const objectives = data?.filter((s) => s.step === 'objective') ?? [];
  const bars = (steps: CampaignFunnelStep[]) => (
    <ol className="grid gap-1">
      {steps.map((step) => (
        <li key={`${step.step}:${step.objectiveKey ?? ''}`}>
          <FunnelBar step={step} selected={isSelected(step)} onSelect={() => onSelect(step)} />
        </li>
      ))}
    </ol>
  );

  return (
    <Card className="grid content-start gap-3 p-5" aria-busy={isPending}>
      <div className="grid gap-1">
        <h2 className="font-semibold">Funnel</h2>
        <p className="text-sm text-muted-foreground">
          Share of contacts at each step. Choose a bar to list its sessions below.
        </p>
      </div>
      {isError && !data && (
        <ErrorState title="Couldn't load the funnel" error={error} onRetry={() => void refetch()} />
      )}
      {isPending && !isError && (
        <div className="grid gap-3">
          {Array.from({ length: 7 }, (_, i) => (
            <Skeleton key={i} className="h-9" />
          ))}
        </div>
      )}
      {data && (
        <>
          {bars(engagement)}
          {objectives.length > 0 && (
            <section aria-labelledby={objectivesHeadingId} className="grid gap-1">
              <h3 id={objectivesHeadingId} className="px-2 pt-1 text-sm font-medium">
                Objectives achieved
              </h3>
              {bars(objectives)}
            </section>
          )}
        </>
      )}
    </Card>
  );
}
