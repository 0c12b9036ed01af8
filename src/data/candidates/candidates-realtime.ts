import type { BackendChange } from '@/lib/backend-changes';
import type { RealtimeContext } from '../realtime/realtime-context';
import { candidateKeys } from './keys';

/**
 * Candidate lists show each session's status and last activity; an open profile shows its
 * objectives. Messages and calls patch profiles directly (chat-realtime, calls-realtime).
 */
export function applyCandidateChange(
  { refetchSoon }: RealtimeContext,
  change: BackendChange,
): void {
  refetchSoon(candidateKeys.lists());
  if (change.table === 'sessions') refetchSoon(candidateKeys.profiles());
}
