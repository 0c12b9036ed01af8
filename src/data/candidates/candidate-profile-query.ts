import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { getCandidateSummary } from '@/lib/backend-api';
import type { CandidateSummary } from '@/lib/backend-types';
import { chatKeys } from '../chat/keys';
import { useRealtimeLive } from '../realtime/connection-store';
import { LIVE_REFRESH_MS } from '../refresh';
import { candidateKeys } from './keys';

/** Sessions, campaign, calls, objective timeline and the conversation's size: one request. */
const candidateProfileQuery = (phone: string) =>
  queryOptions({
    queryKey: candidateKeys.profile(phone),
    queryFn: async ({ client, signal }) => {
      const summary = await getCandidateSummary(phone, { signal });
      followSessions(client, phone, summary);
      return summary;
    },
  });

/**
 * A session newly linked to the phone (a `numbers` or `sessions` row written after the dialog
 * opened) may already have messages, which realtime patches skipped while the session wasn't
 * known to be this candidate's: the conversation is read again. This runs in the task that puts
 * the new summary in the cache, so every later change to that session is patched, and every
 * earlier one is in what the conversation reads.
 */
function followSessions(client: QueryClient, phone: string, summary: CandidateSummary) {
  const before = client.getQueryData<CandidateSummary>(candidateKeys.profile(phone));
  if (before && before.sessionIds.join('\n') !== summary.sessionIds.join('\n'))
    void client.invalidateQueries({ queryKey: chatKeys.conversation(phone) });
}

/**
 * Polled only while realtime is not live: while live, every change arrives by realtime and each
 * resubscription refetches it anyway. (The conversation itself is read apart, page by page:
 * src/data/chat/chat-pages-query.ts.)
 */
export function useCandidateProfile(phone: string) {
  const live = useRealtimeLive();
  return useQuery({
    ...candidateProfileQuery(phone),
    refetchInterval: live ? false : LIVE_REFRESH_MS,
  });
}
