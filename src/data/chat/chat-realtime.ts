import type { BackendChange } from '@/lib/backend-changes';
import { toMessage } from '@/lib/backend-queries';
import type { CandidateSummary } from '@/lib/backend-types';
import { cachedProfilesWithSession } from '../candidates/cached-profiles';
import type { RealtimeContext } from '../realtime/realtime-context';
import { type ChatPages, addToNewestPage } from './chat-pages';
import { chatKeys } from './keys';

/** A new message appears in an open conversation at once, without a refetch. */
export function applyChatChange(
  { queryClient, refetchSoon }: RealtimeContext,
  change: BackendChange,
): void {
  if (change.table !== 'chat_history') return;
  const sessionId = change.row.session_id ?? change.old.session_id;
  if (!sessionId) return;
  const profiles = cachedProfilesWithSession(queryClient, sessionId);
  if (change.eventType === 'INSERT' && change.row.id != null && change.row.message !== undefined) {
    const message = toMessage({
      id: change.row.id,
      session_id: sessionId,
      message: change.row.message,
      created_at: change.row.created_at ?? new Date().toISOString(),
    });
    for (const [profileKey, profile] of profiles) {
      const key = chatKeys.conversation(profile.phoneNumber);
      const before = queryClient.getQueryData<ChatPages>(key);
      const after = addToNewestPage(before, message);
      if (after === before) continue;
      queryClient.setQueryData<ChatPages>(key, after);
      queryClient.setQueryData<CandidateSummary>(profileKey, {
        ...profile,
        messageCount: profile.messageCount + 1,
        // Compared as times: realtime and PostgREST may write one instant differently.
        lastMessageAt:
          !profile.lastMessageAt ||
          Date.parse(profile.lastMessageAt) < Date.parse(message.timestamp)
            ? message.timestamp
            : profile.lastMessageAt,
      });
    }
    return;
  }
  // Edits and deletions are rare: read those conversations again.
  for (const [profileKey, profile] of profiles) {
    refetchSoon(chatKeys.conversation(profile.phoneNumber));
    refetchSoon(profileKey);
  }
}
