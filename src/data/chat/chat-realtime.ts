import type { QueryClient } from '@tanstack/react-query';
import type { BackendChange } from '@/lib/backend-changes';
import { toMessage } from '@/lib/backend-queries';
import type { CandidateProfile, ChatMessage } from '@/lib/backend-types';
import { candidateKeys } from '../candidates/keys';
import type { RealtimeContext } from '../realtime/realtime-context';
import { chatKeys } from './keys';

/** Adds a message to a conversation once, in time order (a refetch may already have brought it). */
export function insertMessage(messages: ChatMessage[], message: ChatMessage): ChatMessage[] {
  if (messages.some((m) => m.id === message.id)) return messages;
  const at = messages.findLastIndex(
    (m) =>
      m.timestamp < message.timestamp || (m.timestamp === message.timestamp && m.id < message.id),
  );
  return [...messages.slice(0, at + 1), message, ...messages.slice(at + 1)];
}

function patchProfiles(
  queryClient: QueryClient,
  sessionId: string,
  update: (p: CandidateProfile) => CandidateProfile,
) {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: candidateKeys.profiles() })) {
    const profile = query.state.data as CandidateProfile | undefined;
    if (profile?.sessions.some((s) => s.sessionId === sessionId))
      queryClient.setQueryData(query.queryKey, update(profile));
  }
}

/** A new message appears in an open conversation at once, without a refetch. */
export function applyChatChange(
  { queryClient, refetchSoon }: RealtimeContext,
  change: BackendChange,
): void {
  if (change.table !== 'chat_history') return;
  const sessionId = change.row.session_id ?? change.old.session_id;
  if (!sessionId) return;
  if (change.eventType === 'INSERT' && change.row.id != null && change.row.message !== undefined) {
    const message = toMessage({
      id: change.row.id,
      session_id: sessionId,
      message: change.row.message,
      created_at: change.row.created_at ?? new Date().toISOString(),
    });
    queryClient.setQueryData<ChatMessage[]>(
      chatKeys.session(sessionId),
      (old) => old && insertMessage(old, message),
    );
    patchProfiles(queryClient, sessionId, (p) => ({
      ...p,
      chatHistory: insertMessage(p.chatHistory, message),
    }));
    return;
  }
  // Edits and deletions are rare: read the conversation again.
  refetchSoon(chatKeys.session(sessionId));
  refetchSoon(candidateKeys.profiles());
}
