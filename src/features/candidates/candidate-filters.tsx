import { FilterBar, campaignSelect } from '@/components/filter-bar';
import { useAllCampaignStats } from '@/data/campaigns/campaign-stats-query';
import { CANDIDATE_STAGES } from '@/lib/app-types';
import { humanizeKey } from '@/lib/normalizers';
import type { CandidateListState } from './candidate-list-params';

const STAGE_OPTIONS = CANDIDATE_STAGES.map((stage) => ({
  value: stage,
  label: humanizeKey(stage),
}));

interface CandidateFiltersProps {
  state: CandidateListState;
  onChange: (change: Partial<CandidateListState>) => void;
}

export function CandidateFilters({ state, onChange }: CandidateFiltersProps) {
  const campaigns = useAllCampaignStats();
  const campaignNames = [...new Set((campaigns.data ?? []).map((stats) => stats.campaign))].sort();
  return (
    <FilterBar
      className="gap-3 sm:grid-cols-[minmax(14rem,1fr)_minmax(10rem,14rem)_minmax(8rem,11rem)]"
      search={{
        label: 'Search by name or phone',
        placeholder: 'A name, or a phone in any format',
        value: state.search,
        onCommit: (search) => onChange({ search }),
      }}
      selects={[
        campaignSelect(state.campaign, campaignNames, (campaign) => onChange({ campaign })),
        {
          label: 'Stage',
          allLabel: 'All stages',
          value: state.stage ?? '',
          options: STAGE_OPTIONS,
          onChange: (value) =>
            onChange({ stage: CANDIDATE_STAGES.find((stage) => stage === value) ?? null }),
        },
      ]}
    />
  );
}
