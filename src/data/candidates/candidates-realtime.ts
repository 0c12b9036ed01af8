import type { BackendChange } from '@/lib/backend-changes';
import type { RealtimeContext } from '../realtime/realtime-context';
import { candidateKeys } from './keys';

/**
 * Candidate lists show each session's status and last activity. An open profile's sessions (which
 * ones are the candidate's, their status and objectives) are read again when a session or a link
 * between a phone and a session changes: a DELETE carries only the key, and a new `numbers` row
 * may give the candidate a session the profile didn't know. Messages and calls patch profiles
 * directly (chat-realtime, calls-realtime).
 */
export function applyCandidateChange(
  { refetchSoon }: RealtimeContext,
  change: BackendChange,
): void {
  refetchSoon(candidateKeys.lists());
  if (change.table === 'sessions' || change.table === 'numbers')
    refetchSoon(candidateKeys.profiles());
}
