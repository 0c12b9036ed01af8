import { statusLabel } from '@/components/status-badge';
import type { FilterPart } from '@/components/no-matches';
import { parseStatusParam } from '@/components/status-filter';
import {
  choiceField,
  countField,
  listField,
  nameField,
  textField,
  urlState,
} from '@/lib/url-state';

// What the Live page shows lives in the URL (?campaign=…&status=active,waiting&q=…&stalled=4h),
// so a link or a reload restores it. Defaults are left out of the URL.

export const STALL_OPTIONS = [
  { value: '15m', label: '15 min', ms: 15 * 60_000 },
  { value: '1h', label: '1 hour', ms: 60 * 60_000 },
  { value: '4h', label: '4 hours', ms: 4 * 60 * 60_000 },
  { value: '24h', label: '24 hours', ms: 24 * 60 * 60_000 },
] as const;
export type StallAfter = (typeof STALL_OPTIONS)[number]['value'];
export const DEFAULT_STALL_AFTER: StallAfter = '1h';

export const FIRST_LIMIT = 50;
// The read model returns at most 1,000 sessions per request.
export const MAX_LIMIT = 1000;

export interface LiveView {
  campaign: string | null;
  /** Lower-case; none means every status. */
  statuses: string[];
  search: string;
  stallAfter: StallAfter;
  limit: number;
}

const LIVE_VIEW = urlState<LiveView>({
  campaign: nameField('campaign'),
  statuses: listField('status', parseStatusParam),
  search: textField('q'),
  stallAfter: choiceField(
    'stalled',
    STALL_OPTIONS.map((o) => o.value),
    DEFAULT_STALL_AFTER,
  ),
  limit: countField('show', FIRST_LIMIT, MAX_LIMIT),
});

export const readLiveView = LIVE_VIEW.read;
/** `params` with `changes` applied and every other parameter (the open candidate, say) kept. */
export const writeLiveView = LIVE_VIEW.write;

/** 50 → 100 → 200 → … up to what one request may return. */
export const nextLimit = (limit: number) => Math.min(limit * 2, MAX_LIMIT);

export const hasFilters = (view: LiveView) =>
  view.campaign !== null || view.statuses.length > 0 || view.search !== '';

export function clearFilters(params: URLSearchParams): URLSearchParams {
  return writeLiveView(params, { campaign: null, statuses: [], search: '', limit: FIRST_LIMIT });
}

/** The filters in words, for the empty state. */
export function filterParts(
  view: Pick<LiveView, 'campaign' | 'statuses' | 'search'>,
): FilterPart[] {
  return [
    { name: 'campaign', values: view.campaign ? [view.campaign] : [] },
    { name: 'status', values: view.statuses.map(statusLabel) },
    { name: 'search', values: view.search ? [view.search] : [] },
  ];
}

// Only a conversation that should be moving can stall; finished ones are meant to be quiet.
const STALLABLE = new Set(['active', 'waiting']);

/** Active or waiting, and nothing has happened for longer than `afterMs`. */
export function isStalled(
  session: { status: string | null; lastActivity: string | null; createdAt: string | null },
  afterMs: number,
  now: number,
): boolean {
  if (!STALLABLE.has(session.status?.toLowerCase() ?? '')) return false;
  const last = Date.parse(session.lastActivity ?? session.createdAt ?? '');
  return Number.isFinite(last) && now - last > afterMs;
}

export const stallOption = (value: StallAfter) =>
  STALL_OPTIONS.find((o) => o.value === value) ?? STALL_OPTIONS[1];
