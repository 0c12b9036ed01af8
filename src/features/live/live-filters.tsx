import { X } from 'lucide-react';
import { FilterBar, campaignSelect } from '@/components/filter-bar';
import { StatusFilter } from '@/components/status-filter';
import { Button } from '@/components/ui/button';
import { type LiveView, STALL_OPTIONS, type StallAfter, hasFilters } from './live-view';

const STALL_CHOICES = STALL_OPTIONS.map((option) => ({
  value: option.value,
  label: `${option.label} without activity`,
}));

/** Campaign, search, stall threshold and statuses: every change goes straight to the URL. */
export function LiveFilters({
  view,
  campaigns,
  statuses,
  counts,
  onChange,
  onClear,
}: {
  view: LiveView;
  campaigns: string[];
  statuses: string[];
  counts?: ReadonlyMap<string, number>;
  onChange: (changes: Partial<LiveView>) => void;
  onClear: () => void;
}) {
  return (
    <section aria-label="Filters" className="grid gap-4 rounded-xl border bg-card p-4">
      <FilterBar
        className="gap-4 md:grid-cols-2 lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_auto]"
        search={{
          label: 'Search by name or phone',
          placeholder: 'e.g. Jane Smith or 07853 723604',
          value: view.search,
          onCommit: (search) => onChange({ search }),
          // Full width on tablets, where three fields in a row would crush the search.
          className: 'md:col-span-2 lg:col-span-1',
        }}
        selects={[
          campaignSelect(view.campaign, campaigns, (campaign) => onChange({ campaign })),
          {
            label: 'Flag as stalled after',
            value: view.stallAfter,
            options: STALL_CHOICES,
            onChange: (stallAfter) => onChange({ stallAfter: stallAfter as StallAfter }),
          },
        ]}
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <StatusFilter
          options={statuses}
          selected={view.statuses}
          counts={counts}
          onChange={(selected) => onChange({ statuses: selected })}
        />
        {hasFilters(view) && (
          <Button variant="ghost" size="sm" onClick={onClear}>
            <X aria-hidden="true" />
            Clear filters
          </Button>
        )}
      </div>
    </section>
  );
}
