import {
  type QueryClient,
  keepPreviousData,
  queryOptions,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import {
  listAttentionClaims,
  listAttentionEvents,
  listAttentionRules,
  listStaff,
} from '@/lib/app-api';
import { rulesParam } from '@/lib/app-attention-rules';
import {
  ATTENTION_PAGE_SIZE,
  type AttentionClaim,
  type AttentionEntry,
  type AttentionFilters,
  type AttentionQueue,
} from '@/lib/attention-types';
import { getAttentionQueue, getSessionsAttention } from '@/lib/backend-api';
import { type WithCandidateName, withCandidateNames } from '../live/with-candidate-names';
import { claimHides, hiddenSessions } from '@/lib/attention-hiding';
import { attentionKeys } from './keys';

const claimsQuery = queryOptions({
  queryKey: attentionKeys.claims(),
  queryFn: ({ signal }) => listAttentionClaims({ signal }),
});

/** Who has which entry; kept live by the app project's realtime (attention-sync.ts). */
const useAttentionClaims = () => useQuery(claimsQuery);

/** Each campaign's thresholds; read again when realtime says a manager changed one. */
const rulesQuery = queryOptions({
  queryKey: attentionKeys.rules(),
  queryFn: ({ signal }) => listAttentionRules({ signal }),
  staleTime: Infinity,
});
export const useAttentionRules = () => useQuery(rulesQuery);

/**
 * What the backend's attention functions take from the app project: the sessions the claims hide
 * now, and the campaigns' rules (both cached, kept live by attention-sync.ts).
 */
async function backendInputs(queryClient: QueryClient) {
  const [claims, rules] = await Promise.all([
    queryClient.ensureQueryData(claimsQuery),
    queryClient.fetchQuery(rulesQuery),
  ]);
  return { hidden: hiddenSessions(claims, Date.now()), rules: rulesParam(rules) };
}

/** Read the queue again when the next threshold is crossed, and at least every minute. */
const MAX_WAIT_MS = 60_000;
function untilNextChange(queue: NamedQueue | undefined): number {
  const next = queue?.nextChangeAt ? Date.parse(queue.nextChangeAt) - Date.now() : MAX_WAIT_MS;
  return Math.min(Math.max(next + 500, 1_000), MAX_WAIT_MS);
}

type NamedQueue = Omit<AttentionQueue, 'entries'> & {
  entries: WithCandidateName<AttentionEntry>[];
};

export interface ShownQueue extends NamedQueue {
  /** Each shown entry's claim, by session. */
  claims: Map<string, AttentionClaim>;
}

/**
 * The queue for the filters: computed by the backend with the sessions the claims hide, read
 * again when a threshold is crossed (time passing writes nothing to listen to), after the
 * agent's writes (attention-realtime.ts) and after claims change.
 */
/** `now` (ticking in the caller) ends snoozes in the browser too: the entry comes back on time. */
export function useAttentionQueue(
  filters: AttentionFilters,
  { limit, now }: { limit?: number; now: number },
) {
  const queryClient = useQueryClient();
  const claims = useAttentionClaims();
  const queue = useQuery({
    // One request for every reader of the same view: the header's count, the notifications and
    // the unfiltered Attention page share the first page ({} and all-null filters alike).
    queryKey: [
      ...attentionKeys.queue({
        campaign: filters.campaign ?? null,
        reasons: filters.reasons?.length ? filters.reasons : null,
      }),
      limit ?? ATTENTION_PAGE_SIZE,
    ],
    queryFn: async ({ signal }) => {
      const { hidden, rules } = await backendInputs(queryClient);
      const queue = await getAttentionQueue(filters, hidden, { signal, limit, rules });
      return { ...queue, entries: await withCandidateNames(queue.entries, { signal }) };
    },
    refetchInterval: (query) => untilNextChange(query.state.data),
    placeholderData: keepPreviousData,
  });
  const shown = useMemo((): ShownQueue | undefined => {
    if (!queue.data) return undefined;
    const bySession = new Map((claims.data ?? []).map((c) => [c.sessionId, c]));
    const entries = queue.data.entries.filter(
      (e) => !claimHides(bySession.get(e.sessionId), e, now),
    );
    const gone = queue.data.entries.length - entries.length;
    return {
      ...queue.data,
      entries,
      total: Math.max(0, queue.data.total - gone),
      claims: bySession,
    };
  }, [queue.data, claims.data, now]);
  return { ...queue, data: shown, claimsError: claims.error };
}

/**
 * A candidate's open reasons (their sessions'), with each one's claim: for the candidate dialog.
 * Kept fresh like the queue: it sits under the queue's key, which the agent's writes, claim
 * changes and rule changes invalidate.
 */
export function useSessionsAttention(sessionIds: string[], { now }: { now: number }) {
  const queryClient = useQueryClient();
  const claims = useAttentionClaims();
  const query = useQuery({
    queryKey: [...attentionKeys.queues, 'sessions', sessionIds],
    queryFn: async ({ signal }) => {
      const { hidden, rules } = await backendInputs(queryClient);
      return getSessionsAttention(sessionIds, hidden, { signal, rules });
    },
    enabled: sessionIds.length > 0,
    refetchInterval: MAX_WAIT_MS,
  });
  const entries = useMemo(() => {
    const bySession = new Map((claims.data ?? []).map((c) => [c.sessionId, c]));
    return (query.data ?? [])
      .filter((e) => !claimHides(bySession.get(e.sessionId), e, now))
      .map((entry) => ({ entry, claim: bySession.get(entry.sessionId) }));
  }, [query.data, claims.data, now]);
  return { ...query, entries };
}

/** The audit trail of these sessions' entries (an entry's, or a candidate's), newest first. */
export const useAttentionEvents = (sessionIds: readonly string[]) =>
  useQuery({
    queryKey: attentionKeys.events(sessionIds),
    queryFn: ({ signal }) => listAttentionEvents(sessionIds, { signal }),
    enabled: sessionIds.length > 0,
  });

export const useStaff = () =>
  useQuery({
    queryKey: attentionKeys.staff(),
    queryFn: ({ signal }) => listStaff({ signal }),
    staleTime: 5 * 60_000,
  });
