import { Search } from 'lucide-react';
import { useRef, useState } from 'react';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { useAllCampaignStats } from '@/data/campaigns/campaign-stats-query';
import { CANDIDATE_STAGES } from '@/lib/app-types';
import { humanizeKey } from '@/lib/normalizers';
import type { CandidateListState } from './candidate-list-params';

// Long enough not to fetch on every keystroke, short enough to feel immediate.
const SEARCH_DELAY_MS = 300;

interface CandidateFiltersProps {
  state: CandidateListState;
  onChange: (change: Partial<CandidateListState>) => void;
}

export function CandidateFilters({ state, onChange }: CandidateFiltersProps) {
  const campaigns = useAllCampaignStats();
  const campaignNames = [
    ...new Set([
      ...(campaigns.data ?? []).map((stats) => stats.campaign),
      ...(state.campaign ? [state.campaign] : []),
    ]),
  ].sort();

  // The box shows what is typed at once; the URL (and the query) follow after a pause.
  const [search, setSearch] = useState(state.search);
  const [committedSearch, setCommittedSearch] = useState(state.search);
  if (committedSearch !== state.search) {
    // The URL changed under us (Back, a link): show what it says.
    setCommittedSearch(state.search);
    setSearch(state.search);
  }
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const commitSearch = (value: string, delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onChange({ search: value }), delay);
  };

  return (
    <form
      role="search"
      className="grid gap-3 sm:grid-cols-[minmax(14rem,1fr)_minmax(10rem,14rem)_minmax(8rem,11rem)]"
      onSubmit={(event) => {
        event.preventDefault();
        commitSearch(search, 0);
      }}
    >
      <div className="grid gap-1.5">
        <Label htmlFor="candidate-search">Search by name or phone</Label>
        <div className="relative">
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
          />
          <Input
            id="candidate-search"
            type="search"
            placeholder="A name, or a phone in any format"
            className="pl-9"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              commitSearch(event.target.value, SEARCH_DELAY_MS);
            }}
          />
        </div>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="candidate-campaign">Campaign</Label>
        <NativeSelect
          id="candidate-campaign"
          value={state.campaign ?? ''}
          onChange={(event) => onChange({ campaign: event.target.value || null })}
        >
          <option value="">All campaigns</option>
          {campaignNames.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="candidate-stage">Stage</Label>
        <NativeSelect
          id="candidate-stage"
          value={state.stage ?? ''}
          onChange={(event) =>
            onChange({
              stage: CANDIDATE_STAGES.find((stage) => stage === event.target.value) ?? null,
            })
          }
        >
          <option value="">All stages</option>
          {CANDIDATE_STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {humanizeKey(stage)}
            </option>
          ))}
        </NativeSelect>
      </div>
    </form>
  );
}
