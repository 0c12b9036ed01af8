import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getCandidateNames } from '@/lib/app-api';
import { getLiveSessions } from '@/lib/backend-api';
import type { LiveSessionData, LiveSessionFilters } from '@/lib/backend-types';
import { LIVE_REFRESH_MS } from '../refresh';
import { liveKeys } from './keys';

export interface LiveSession extends LiveSessionData {
  /** The candidate's name where the app knows this phone. */
  candidateName: string | null;
}

/** The most recently active sessions, with the names the app knows: two requests whatever the limit. */
export async function fetchLiveSessions(
  limit: number,
  filters: LiveSessionFilters,
  signal?: AbortSignal,
): Promise<LiveSession[]> {
  const sessions = await getLiveSessions(limit, filters, { signal });
  const names = await getCandidateNames(
    sessions.flatMap((s) => (s.phoneNumber ? [s.phoneNumber] : [])),
    { signal },
  );
  return sessions.map((s) => ({
    ...s,
    candidateName: (s.phoneNumber && names.get(s.phoneNumber)) || null,
  }));
}

export const liveSessionsQuery = (limit: number, filters: LiveSessionFilters = {}) =>
  queryOptions({
    queryKey: liveKeys.sessions(limit, filters),
    queryFn: ({ signal }) => fetchLiveSessions(limit, filters, signal),
    refetchInterval: LIVE_REFRESH_MS,
    // Changing a filter keeps the old list on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });

export const useLiveSessions = (
  limit: number,
  filters: LiveSessionFilters = {},
  options: { paused?: boolean } = {},
) =>
  useQuery({
    ...liveSessionsQuery(limit, filters),
    refetchInterval: options.paused ? false : LIVE_REFRESH_MS,
  });
