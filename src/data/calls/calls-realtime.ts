import type { QueryClient } from '@tanstack/react-query';
import type { BackendChange } from '@/lib/backend-changes';
import { toCall } from '@/lib/backend-queries';
import type { CallInfo } from '@/lib/backend-types';
import type { Tables } from '@/lib/database.types';
import { cachedProfilesWithSession } from '../candidates/cached-profiles';
import { candidateKeys } from '../candidates/keys';
import type { RealtimeContext } from '../realtime/realtime-context';
import { callKeys } from './keys';

/** Puts a new or updated call in place, newest first (as the API returns them). */
export function upsertCall(calls: CallInfo[], call: CallInfo): CallInfo[] {
  const rest = calls.filter((c) => c.call_id !== call.call_id);
  return [...rest, call].sort(
    (a, b) =>
      (b.called_at ?? '').localeCompare(a.called_at ?? '') || a.call_id.localeCompare(b.call_id),
  );
}

function patchProfiles(queryClient: QueryClient, sessionId: string, call: CallInfo) {
  for (const [queryKey, profile] of cachedProfilesWithSession(queryClient, sessionId))
    queryClient.setQueryData(queryKey, {
      ...profile,
      callHistory: upsertCall(profile.callHistory, call),
    });
}

/** A new call shows in the calls tab at once; a call that ends (transcript, analysis) updates in place. */
export function applyCallChange(
  { queryClient, refetchSoon }: RealtimeContext,
  change: BackendChange,
): void {
  if (change.table !== 'calls') return;
  const sessionId = change.row.session_id ?? change.old.session_id;
  if (!sessionId) return;
  if (change.eventType !== 'DELETE' && change.row.call_id) {
    const call = toCall({ ...emptyCall, ...change.row, call_id: change.row.call_id });
    queryClient.setQueryData<CallInfo[]>(
      callKeys.session(sessionId),
      (old) => old && upsertCall(old, call),
    );
    patchProfiles(queryClient, sessionId, call);
    return;
  }
  refetchSoon(callKeys.session(sessionId));
  refetchSoon(candidateKeys.profiles());
}

const emptyCall: Tables<'calls'> = {
  call_id: '',
  session_id: null,
  phone_number: null,
  called_at: null,
  duration: null,
  status: null,
  transcript: null,
  recording_url: null,
  analysis: null,
};
