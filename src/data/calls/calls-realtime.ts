import type { BackendChange } from '@/lib/backend-changes';
import { type CallRow, toCall } from '@/lib/backend/mappers';
import type { CallInfo, CandidateSummary } from '@/lib/backend-types';
import { compareInstants } from '@/lib/instant-order';
import { candidateKeys } from '../candidates/keys';
import type { RealtimeContext } from '../realtime/realtime-context';
import { type RowShape, mergeIntoList } from '../realtime/merge-rule';

const callRow = (call: CallInfo): CallRow => ({
  call_id: call.call_id,
  session_id: call.sessionId,
  phone_number: call.phoneNumber,
  called_at: call.called_at,
  duration: call.duration,
  status: call.status,
  transcript: call.transcript,
  recording_url: call.recording_url,
  analysis: call.analysis.raw as CallRow['analysis'],
});

/** Calls as the API lists them: newest first, undated last, then by id (candidate_summary's order). */
function compareCalls(a: CallInfo, b: CallInfo): number {
  if (a.called_at !== b.called_at) {
    if (!a.called_at || !b.called_at) return a.called_at ? -1 : 1;
    const byTime = compareInstants(b.called_at, a.called_at);
    if (byTime) return byTime;
  }
  return a.call_id < b.call_id ? -1 : a.call_id > b.call_id ? 1 : 0;
}

const CALL_SHAPE: RowShape<CallRow, CallInfo> = {
  key: 'call_id',
  columns: [
    'call_id',
    'session_id',
    'phone_number',
    'called_at',
    'duration',
    'status',
    'transcript',
    'recording_url',
    'analysis',
  ],
  keyOf: (call) => call.call_id,
  toRow: callRow,
  fromRow: toCall,
  compare: compareCalls,
};

/**
 * Every change to calls goes into the call history of each candidate summary it concerns, by the
 * merge rule: a new call shows at once, a call that ends (status, then transcript and analysis, then the recording, often in
 * separate updates) changes in place without losing what earlier updates brought.
 */
export function applyCallChange(context: RealtimeContext, change: BackendChange): void {
  if (change.table !== 'calls') return;
  const { queryClient, patch, refetchSoon } = context;
  for (const [queryKey] of queryClient.getQueriesData({ queryKey: candidateKeys.profiles() })) {
    patch<CandidateSummary>(queryKey, (profile) => {
      const sessions = new Set(profile.sessionIds);
      const { items, refetch } = mergeIntoList(
        profile.callHistory,
        change,
        CALL_SHAPE,
        (row) => !!row.session_id && sessions.has(row.session_id),
      );
      if (refetch) refetchSoon(queryKey);
      return items === profile.callHistory ? profile : { ...profile, callHistory: [...items] };
    });
  }
}
