import {
  ATTENTION_PAGE_SIZE,
  type AttentionEntry,
  type AttentionFilters,
  type AttentionHidden,
  type AttentionQueue,
  type AttentionReason,
} from '../attention-types';
import type { RequestOptions } from '../backend-types';
import type { Json } from '../database.types';
import type { DbClient } from '../lean-client';
import { fail } from '../api-error';

type JsonObject = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? value : null);
const count = (value: unknown) => (typeof value === 'number' ? value : null);

function toReason(raw: JsonObject): AttentionReason {
  return {
    reason: text(raw.reason) ?? 'unknown',
    openedAt: text(raw.opened_at),
    since: text(raw.since),
    threshold: count(raw.threshold),
    callId: text(raw.call_id),
    achieved: count(raw.achieved),
    objectives: count(raw.objectives),
  };
}

function toEntry(raw: JsonObject): AttentionEntry {
  return {
    sessionId: String(raw.session_id),
    phoneNumber: text(raw.phone_number),
    campaign: text(raw.campaign),
    status: text(raw.status),
    latest: text(raw.latest),
    reasons: Array.isArray(raw.reasons) ? (raw.reasons as JsonObject[]).map(toReason) : [],
  };
}

const hiddenParam = (hidden: AttentionHidden[]) =>
  hidden.map((h) => ({
    session_id: h.sessionId,
    resolved_at: h.resolvedAt,
    snoozed_until: h.snoozedUntil,
  })) as Json;

/** The attention queue's read model (attention_queue), computed in the backend. */
export function createAttentionQueries(client: DbClient) {
  return {
    /**
     * The open reasons of a few sessions (a candidate's), without the whole queue: for the
     * candidate dialog's header. Sessions without one are left out.
     */
    async getSessionsAttention(
      sessionIds: string[],
      hidden: AttentionHidden[],
      { rules, signal }: RequestOptions & { rules?: Json } = {},
    ): Promise<AttentionEntry[]> {
      if (!sessionIds.length) return [];
      let query = client.rpc('attention_for_sessions', {
        p_session_ids: sessionIds,
        p_hidden: hiddenParam(hidden),
        ...(rules !== undefined && { p_rules: rules }),
      });
      if (signal) query = query.abortSignal(signal);
      const { data, error, status } = await query;
      if (error) throw fail('attention function (attention_for_sessions)')(error, status);
      return Array.isArray(data) ? (data as JsonObject[]).map(toEntry) : [];
    },

    async getAttentionQueue(
      filters: AttentionFilters,
      hidden: AttentionHidden[],
      {
        limit = ATTENTION_PAGE_SIZE,
        rules,
        signal,
      }: RequestOptions & {
        limit?: number;
        /** Per-campaign thresholds (app-attention-rules.ts rulesParam); the defaults without. */
        rules?: Json;
      } = {},
    ): Promise<AttentionQueue> {
      let query = client.rpc('attention_queue', {
        p_hidden: hiddenParam(hidden),
        ...(filters.campaign && { p_campaign: filters.campaign }),
        ...(filters.reasons?.length && { p_reasons: filters.reasons }),
        p_limit: limit,
        ...(rules !== undefined && { p_rules: rules }),
      });
      if (signal) query = query.abortSignal(signal);
      const { data, error, status } = await query;
      if (error) throw fail('attention queue function (attention_queue)')(error, status);
      const queue = (data ?? {}) as JsonObject;
      return {
        entries: Array.isArray(queue.entries) ? (queue.entries as JsonObject[]).map(toEntry) : [],
        total: Number(queue.total ?? 0),
        counts: (queue.counts ?? {}) as Record<string, number>,
        nextChangeAt: text(queue.next_change_at),
      };
    },
  };
}
