import { X } from 'lucide-react';
import { useId } from 'react';
import { StatusFilter } from '@/components/status-filter';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { type LiveView, STALL_OPTIONS, type StallAfter, hasFilters } from './live-view';
import { SearchBox } from './search-box';

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
  const campaignId = useId();
  const stallId = useId();
  // A campaign from a link that is not (or no longer) in the list is still shown as chosen.
  const campaignOptions =
    view.campaign && !campaigns.includes(view.campaign) ? [view.campaign, ...campaigns] : campaigns;
  return (
    <section aria-label="Filters" className="grid gap-4 rounded-xl border bg-card p-4">
      <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_auto]">
        {/* Full width on tablets, where three fields in a row would crush the search. */}
        <div className="md:col-span-2 lg:col-span-1">
          <SearchBox
            label="Search by name or phone"
            placeholder="e.g. Jane Smith or 07853 723604"
            value={view.search}
            onCommit={(search) => onChange({ search })}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={campaignId}>Campaign</Label>
          <NativeSelect
            id={campaignId}
            value={view.campaign ?? ''}
            onChange={(event) => onChange({ campaign: event.target.value || null })}
          >
            <option value="">All campaigns</option>
            {campaignOptions.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={stallId}>Flag as stalled after</Label>
          <NativeSelect
            id={stallId}
            value={view.stallAfter}
            onChange={(event) => onChange({ stallAfter: event.target.value as StallAfter })}
          >
            {STALL_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label} without activity
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>
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
