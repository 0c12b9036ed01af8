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
 * never one per row.
 */
async function fetchCandidatePage(
  filters: CandidateFilters,
  offset: number,
  limit: number,
  signal?: AbortSignal,
): Promise<Page<CandidateRow>> {
  const page = await listCandidates(filters, { offset, limit }, { signal });
  // Compared as E.164 on both sides: either may store the number in another form (DESIGN §4).
  const keyOf = (phone: string | null) => {
    const result = normalizePhone(phone);
    return result.ok ? result.e164 : null;
  };
  const phones = page.rows.flatMap((candidate) => keyOf(candidate.phoneNumber) ?? []);
  const sessions = phones.length
    ? await getLiveSessions(SESSIONS_LIMIT, { phones }, { signal })
    : [];
  const latest = new Map<string, LiveSessionData>();
  // Sessions come most recently active first, so the first one seen for a phone is its latest.
  for (const session of sessions) {
    const phone = keyOf(session.phoneNumber);
    if (phone && !latest.has(phone)) latest.set(phone, session);
  }
  return {
    total: page.total,
    rows: page.rows.map((candidate) => ({
      ...candidate,
      session: latest.get(keyOf(candidate.phoneNumber) ?? '') ?? null,
    })),
  };
}

const candidatesQuery = (filters: CandidateFilters, offset = 0, limit = CANDIDATES_PAGE_SIZE) =>
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
