import type { BackendChange } from '@/lib/backend-changes';
import type { CandidateSummary } from '@/lib/backend-types';
import { candidateKeys } from '../candidates/keys';
import type { RealtimeContext } from '../realtime/realtime-context';
import { type ChatPages, mergeIntoPages } from './chat-pages';
import { chatKeys } from './keys';

/**
 * Every change to chat_history goes into each open conversation by the merge rule (a message
 * shows, changes or goes at once); the candidate's summary (message count, last message) is read
 * again, as a count can't be patched twice safely.
 */
export function applyChatChange(context: RealtimeContext, change: BackendChange): void {
  if (change.table !== 'chat_history') return;
  const { queryClient, patch, refetchSoon } = context;
  const conversations = queryClient.getQueriesData<ChatPages>({
    queryKey: chatKeys.conversations(),
  });
  for (const [queryKey] of conversations) {
    const phone = String(queryKey[chatKeys.conversations().length]);
    const profileKey = candidateKeys.profile(phone);
    patch<ChatPages>(queryKey, (data) => {
      // Whose sessions are whose is judged when the update runs (it may run again after a fetch).
      const summary = queryClient.getQueryData<CandidateSummary>(profileKey);
      if (!summary) {
        // Not known yet which sessions are this candidate's: read the conversation again.
        refetchSoon(queryKey);
        return data;
      }
      const sessions = new Set(summary.sessionIds);
      const merged = mergeIntoPages(data, change, (id) => sessions.has(id));
      if (merged.refetch) refetchSoon(queryKey);
      const ours = merged.data !== data || sessions.has(change.row.session_id ?? '');
      if (ours || merged.refetch) refetchSoon(profileKey);
      return merged.data;
    });
  }
  // A deleted message may sit in a page not loaded yet: the counts of every open candidate.
  if (change.eventType === 'DELETE') refetchSoon(candidateKeys.profiles());
}
