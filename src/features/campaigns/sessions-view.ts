import type { FilterPart } from '@/components/no-matches';
import { statusLabel } from '@/components/status-badge';
import { parseStatusParam } from '@/components/status-filter';
import { choiceField, countField, listField, nameField, urlState } from '@/lib/url-state';
import type {
  CampaignFunnelStep,
  CampaignObjective,
  CampaignSessionFilters,
} from '@/lib/backend-types';

// What a campaign's sessions table shows lives in the URL (?status=waiting&reached=called or
// &objective=interview_booked), so a funnel drill-down can be linked and survives a reload.
// Replied and called are steps of the funnel; `objective` is separate because an objective's key
// may itself be "replied".

const REACHED_STEPS = ['replied', 'called'] as const;
export type ReachedStep = (typeof REACHED_STEPS)[number];

export interface SessionsView {
  statuses: string[];
  reached: ReachedStep | null;
  objective: string | null;
  limit: number;
}

const FIRST_ROWS = 100;
const MAX_ROWS = 1000;

const SESSIONS_VIEW = urlState<SessionsView>({
  statuses: listField('status', parseStatusParam),
  reached: choiceField('reached', REACHED_STEPS, null),
  objective: nameField('objective'),
  limit: countField('show', FIRST_ROWS, MAX_ROWS),
});

export const readSessionsView = SESSIONS_VIEW.read;
/** `params` with `changes` applied; defaults are left out and other parameters kept. */
export const writeSessionsView = SESSIONS_VIEW.write;

export const nextRows = (limit: number) => Math.min(limit + FIRST_ROWS, MAX_ROWS);

export const hasSessionFilters = (view: SessionsView) =>
  view.statuses.length > 0 || view.reached !== null || view.objective !== null;

export const CLEARED: Partial<SessionsView> = {
  statuses: [],
  reached: null,
  objective: null,
  limit: FIRST_ROWS,
};

/** The view as the read model's filters. */
export function sessionFilters(view: SessionsView): CampaignSessionFilters {
  return {
    statuses: view.statuses,
    replied: view.reached === 'replied' ? true : null,
    called: view.reached === 'called' ? true : null,
    objective: view.objective,
    limit: view.limit,
  };
}

/** The table filter behind a funnel bar: exactly the sessions that bar counts. */
export function funnelSelection(step: CampaignFunnelStep): Partial<SessionsView> {
  return {
    reached: step.step === 'replied' || step.step === 'called' ? step.step : null,
    objective: step.step === 'objective' ? step.objectiveKey : null,
    limit: FIRST_ROWS,
  };
}

/** Whether the table shows exactly this bar's sessions (status aside). */
export function isFunnelSelected(view: SessionsView, step: CampaignFunnelStep): boolean {
  const wanted = funnelSelection(step);
  return view.reached === wanted.reached && view.objective === wanted.objective;
}

export const REACHED_LABELS: Record<ReachedStep, string> = {
  replied: 'Replied on WhatsApp',
  called: 'Called',
};

export function sessionFilterParts(
  view: SessionsView,
  objectives: CampaignObjective[],
): FilterPart[] {
  const objectiveLabel =
    view.objective && (objectives.find((o) => o.key === view.objective)?.label ?? view.objective);
  return [
    { name: 'status', values: view.statuses.map(statusLabel) },
    { name: 'step', values: view.reached ? [REACHED_LABELS[view.reached]] : [] },
    { name: 'objective', values: objectiveLabel ? [objectiveLabel] : [] },
  ];
}
