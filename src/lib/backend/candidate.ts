import type { CandidateProfile, CandidateSummary, RequestOptions } from '../backend-types';
import type { DbClient } from '../lean-client';
import { phoneLookup } from './lookups';
import { fail } from '../api-error';
import { type CandidateDoc, type MessageRow, toCandidateSummary, toMessage } from './mappers';

/** One candidate, every session behind their phone, in one request (candidate_summary/_profile). */
export function createCandidateQueries(client: DbClient) {
  /** One candidate's JSON document from candidate_summary, or candidate_profile (+ messages). */
  async function candidateDoc(
    fn: 'candidate_summary' | 'candidate_profile',
    phone: string,
    signal?: AbortSignal,
  ): Promise<{ e164: string; doc: CandidateDoc & { messages?: MessageRow[] } }> {
    const { e164, variants } = phoneLookup(phone);
    let query = client.rpc(fn, { p_phones: variants });
    if (signal) query = query.abortSignal(signal);
    const { data, error, status } = await query;
    if (error) throw fail(`candidate function (${fn})`)(error, status);
    return { e164, doc: (data ?? {}) as CandidateDoc & { messages?: MessageRow[] } };
  }

  return {
    /**
     * Everything about one candidate but the messages (their count and last time instead), in one
     * request: sessions, campaign, calls, objectives. The messages come in pages from getChatPage.
     */
    async getCandidateSummary(
      phone: string,
      { signal }: RequestOptions = {},
    ): Promise<CandidateSummary> {
      const { e164, doc } = await candidateDoc('candidate_summary', phone, signal);
      return toCandidateSummary(e164, doc);
    },

    /** Everything about one candidate in one request, the whole conversation included. */
    async getCandidateProfile(
      phone: string,
      { signal }: RequestOptions = {},
    ): Promise<CandidateProfile> {
      const { e164, doc } = await candidateDoc('candidate_profile', phone, signal);
      return {
        ...toCandidateSummary(e164, doc),
        chatHistory: (doc.messages ?? []).map(toMessage),
      };
    },
  };
}
