import { Check } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import type { NormalizedObjective } from '@/lib/backend-types';
import { cn } from '@/lib/utils';

/**
 * The session's objectives as labelled badges (DESIGN §8: checkmarks, not raw keys): achieved
 * ones ticked, the rest faint; the words say which is which, not only the colour.
 */
export function ObjectiveBadges({ objectives }: { objectives: NormalizedObjective[] }) {
  if (!objectives.length) return null;
  const achieved = objectives.filter((o) => o.achieved).length;
  return (
    <div className="grid gap-1.5">
      <p className="text-xs text-muted-foreground">
        {achieved} of {objectives.length} objectives
      </p>
      <ul className="flex flex-wrap gap-1">
        {objectives.map((o) => (
          <li key={o.key}>
            <Badge
              tone={o.achieved ? 'accent' : 'neutral'}
              className={cn(!o.achieved && 'border-dashed bg-transparent text-muted-foreground')}
              title={o.value ?? undefined}
            >
              {o.achieved && <Check aria-hidden="true" />}
              {o.label}
              <span className="sr-only">{o.achieved ? ' (achieved)' : ' (not yet)'}</span>
            </Badge>
          </li>
        ))}
      </ul>
    </div>
  );
}
