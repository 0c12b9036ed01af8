import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listCandidates } from '@/lib/app-api';
import type { Candidate, CandidateFilters, Page } from '@/lib/app-types';
import { getLiveSessions } from '@/lib/backend-api';
import type { LiveSessionData } from '@/lib/backend-types';
import { normalizePhone } from '@/lib/normalizers';
import { candidateKeys } from './keys';

export const CANDIDATES_PAGE_SIZE = 50;
// live_sessions' own cap: enough for every session of a page of candidates.
const SESSIONS_LIMIT = 1000;

export interface CandidateRow extends Candidate {
  /** The candidate's most recently active backend session, if the agent has one. */
  session: LiveSessionData | null;
}

/**
 * A page of candidates joined with their backend sessions: two requests whatever the page size,
 * never one per row. Sessions store phones in any form, so both sides are compared as E.164.
 */
export async function fetchCandidatePage(
  filters: CandidateFilters,
  offset: number,
  limit: number,
  signal?: AbortSignal,
): Promise<Page<CandidateRow>> {
  const page = await listCandidates(filters, { offset, limit }, { signal });
  const phones = page.rows.map((candidate) => candidate.phoneNumber);
  const sessions = phones.length
    ? await getLiveSessions(SESSIONS_LIMIT, { phones }, { signal })
    : [];
  const latest = new Map<string, LiveSessionData>();
  // Sessions come most recently active first, so the first one seen for a phone is its latest.
  for (const session of sessions) {
    const phone = normalizePhone(session.phoneNumber);
    if (phone.ok && !latest.has(phone.e164)) latest.set(phone.e164, session);
  }
  return {
    total: page.total,
    rows: page.rows.map((candidate) => ({
      ...candidate,
      session: latest.get(candidate.phoneNumber) ?? null,
    })),
  };
}

export const candidatesQuery = (
  filters: CandidateFilters,
  offset = 0,
  limit = CANDIDATES_PAGE_SIZE,
) =>
  queryOptions({
    queryKey: candidateKeys.list(filters, offset, limit),
    queryFn: ({ signal }) => fetchCandidatePage(filters, offset, limit, signal),
    // Paging or filtering keeps the current rows on screen until the next ones arrive.
    placeholderData: keepPreviousData,
  });

export const useCandidates = (
  filters: CandidateFilters,
  offset = 0,
  limit = CANDIDATES_PAGE_SIZE,
) => useQuery(candidatesQuery(filters, offset, limit));
