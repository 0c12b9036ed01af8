import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listCandidates } from '@/lib/app-api';
import { getLiveSessions } from '@/lib/backend-api';
import type { LiveSessionData, LiveSessionFilters } from '@/lib/backend-types';
import { normalizePhone } from '@/lib/normalizers';
import { LIVE_REFRESH_MS } from '../refresh';
import { liveKeys } from './keys';
import { usePausable } from './pausable';
import { type WithCandidateName, withCandidateNames } from './with-candidate-names';

export type LiveSession = WithCandidateName<LiveSessionData>;

/** What the Live page filters by, as the user gave it. */
export interface LiveFilters {
  campaign?: string | null;
  statuses?: string[];
  /** Phone digits, part of a session id, or (anything with letters) part of a candidate's name. */
  search?: string;
}

// Enough for any name someone types on purpose; a one-letter search would match everyone.
const NAME_MATCHES = 200;
const LETTERS = /\p{L}/u;

/**
 * The search as the read model takes it. Names live in the app's database, so text with letters
 * is also looked up there and the matching candidates' phones sent along (live_sessions matches
 * either); digits alone match phones directly.
 */
async function searchFilters(
  search: string | undefined,
  signal?: AbortSignal,
): Promise<Pick<LiveSessionFilters, 'search' | 'phones'>> {
  const text = search?.trim();
  if (!text) return {};
  if (!LETTERS.test(text)) return { search: text };
  const { rows } = await listCandidates({ search: text }, { limit: NAME_MATCHES }, { signal });
  const phones = rows.map((c) => c.phoneNumber).filter((phone) => normalizePhone(phone).ok);
  return { search: text, phones };
}

/** The most recently active sessions, with the names the app knows. */
async function fetchLiveSessions(
  limit: number,
  filters: LiveFilters,
  signal?: AbortSignal,
): Promise<LiveSession[]> {
  const sessions = await getLiveSessions(
    limit,
    {
      campaign: filters.campaign || null,
      statuses: filters.statuses?.length ? filters.statuses : null,
      ...(await searchFilters(filters.search, signal)),
    },
    { signal },
  );
  return withCandidateNames(sessions, { signal });
}

const liveSessionsQuery = (limit: number, filters: LiveFilters = {}) =>
  queryOptions({
    queryKey: liveKeys.sessions(limit, filters),
    queryFn: ({ signal }) => fetchLiveSessions(limit, filters, signal),
    refetchInterval: LIVE_REFRESH_MS,
    // Changing a filter keeps the old list on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });

export const useLiveSessions = (
  limit: number,
  filters: LiveFilters = {},
  options: { paused?: boolean } = {},
) => useQuery(usePausable(liveSessionsQuery(limit, filters), options.paused ?? false));
