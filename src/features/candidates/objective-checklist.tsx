import { CheckCircle2, Circle } from 'lucide-react';
import { DateTime } from '@/components/date-time';
import type { CampaignObjective, NormalizedObjective } from '@/lib/backend-types';
import { humanizeKey } from '@/lib/normalizers';
import { cn } from '@/lib/utils';

function ObjectiveItem({ objective }: { objective: NormalizedObjective }) {
  const Icon = objective.achieved ? CheckCircle2 : Circle;
  return (
    <li className="flex items-start gap-2.5 py-1.5">
      <Icon
        aria-hidden="true"
        className={cn(
          'mt-0.5 size-4 shrink-0',
          objective.achieved ? 'text-green-600 dark:text-green-400' : 'text-muted-foreground',
        )}
      />
      <div className="min-w-0">
        <span className="sr-only">{objective.achieved ? 'Achieved: ' : 'Not yet: '}</span>
        <span className={cn(!objective.achieved && 'text-muted-foreground')}>
          {objective.label}
        </span>
        {objective.value && <span className="ml-2 font-medium">{objective.value}</span>}
        {(objective.at || objective.source) && (
          <div className="text-xs text-muted-foreground">
            {objective.at && <DateTime value={objective.at} />}
            {objective.at && objective.source && ' · '}
            {objective.source && `via ${humanizeKey(objective.source).toLowerCase()}`}
          </div>
        )}
      </div>
    </li>
  );
}

interface ObjectiveChecklistProps {
  objectives: NormalizedObjective[];
  campaignObjectives: CampaignObjective[];
}

/**
 * The campaign's objectives as a checklist (its order, its labels), then anything else the agent
 * recorded, labelled from the key: never raw keys.
 */
export function ObjectiveChecklist({ objectives, campaignObjectives }: ObjectiveChecklistProps) {
  const campaignKeys = new Set(campaignObjectives.map((objective) => objective.key));
  const planned = objectives.filter((objective) => campaignKeys.has(objective.key));
  const extra = objectives.filter((objective) => !campaignKeys.has(objective.key));
  const achieved = planned.filter((objective) => objective.achieved).length;
  return (
    <div className="grid gap-3">
      {planned.length > 0 && (
        <div>
          <p className="text-sm text-muted-foreground">
            {achieved} of {planned.length} campaign objectives achieved
          </p>
          <ul className="mt-1">
            {planned.map((objective) => (
              <ObjectiveItem key={objective.key} objective={objective} />
            ))}
          </ul>
        </div>
      )}
      {extra.length > 0 && (
        <div>
          <p className="text-sm text-muted-foreground">
            {planned.length > 0 ? 'Also recorded' : 'Recorded by the agent'}
          </p>
          <ul className="mt-1">
            {extra.map((objective) => (
              <ObjectiveItem key={objective.key} objective={objective} />
            ))}
          </ul>
        </div>
      )}
      {objectives.length === 0 && (
        <p className="text-sm text-muted-foreground">
          The campaign has no objectives configured and the agent recorded none.
        </p>
      )}
    </div>
  );
}
