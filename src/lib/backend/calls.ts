import type { CallInfo, RequestOptions } from '../backend-types';
import type { DbClient } from '../lean-client';
import { fetchAllPages } from '../paging';
import { sessionIdsForPhone } from './lookups';
import { fail } from '../api-error';
import { type CallRow, toCall } from './mappers';

/** Calls with transcript, recording and analysis, newest first. */
export function createCallQueries(client: DbClient) {
  async function callsOf(sessionIds: string[], signal?: AbortSignal): Promise<CallInfo[]> {
    if (!sessionIds.length) return [];
    const rows = await fetchAllPages<CallRow>((from, to) => {
      let query = client
        .from('calls')
        .select('*')
        .in('session_id', sessionIds)
        .order('called_at', { ascending: false, nullsFirst: false })
        .order('call_id')
        .range(from, to);
      if (signal) query = query.abortSignal(signal);
      return query;
    }, fail('calls table'));
    return rows.map(toCall);
  }

  return {
    /** Newest first. */
    async getCallsByPhone(phone: string, { signal }: RequestOptions = {}): Promise<CallInfo[]> {
      return callsOf(await sessionIdsForPhone(client, phone, signal), signal);
    },

    getCallsBySession(sessionId: string, { signal }: RequestOptions = {}): Promise<CallInfo[]> {
      return callsOf([sessionId], signal);
    },
  };
}
