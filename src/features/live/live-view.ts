import { statusLabel } from '@/components/status-badge';
import type { FilterPart } from '@/components/no-matches';
import { parseStatusParam } from '@/components/status-filter';

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

const PARAM = {
  campaign: 'campaign',
  statuses: 'status',
  search: 'q',
  stallAfter: 'stalled',
  limit: 'show',
} as const satisfies Record<keyof LiveView, string>;

function parseLimit(value: string | null): number {
  const limit = Number(value);
  return Number.isInteger(limit) && limit > FIRST_LIMIT ? Math.min(limit, MAX_LIMIT) : FIRST_LIMIT;
}

export function readLiveView(params: URLSearchParams): LiveView {
  const stall = STALL_OPTIONS.find((o) => o.value === params.get(PARAM.stallAfter));
  return {
    campaign: params.get(PARAM.campaign) || null,
    statuses: parseStatusParam(params.get(PARAM.statuses)),
    search: params.get(PARAM.search)?.trim() ?? '',
    stallAfter: stall?.value ?? DEFAULT_STALL_AFTER,
    limit: parseLimit(params.get(PARAM.limit)),
  };
}

/** `params` with `changes` applied and every other parameter (the open candidate, say) kept. */
export function writeLiveView(
  params: URLSearchParams,
  changes: Partial<LiveView>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null) =>
    value ? next.set(key, value) : next.delete(key);
  if ('campaign' in changes) set(PARAM.campaign, changes.campaign ?? null);
  if ('statuses' in changes) set(PARAM.statuses, changes.statuses?.join(',') ?? null);
  if ('search' in changes) set(PARAM.search, changes.search?.trim() ?? null);
  if ('stallAfter' in changes)
    set(
      PARAM.stallAfter,
      changes.stallAfter === DEFAULT_STALL_AFTER ? null : (changes.stallAfter ?? null),
    );
  if ('limit' in changes)
    set(PARAM.limit, changes.limit && changes.limit > FIRST_LIMIT ? String(changes.limit) : null);
  return next;
}

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
