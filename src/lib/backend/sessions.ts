import type {
  LiveSessionData,
  LiveSessionFilters,
  RequestOptions,
  SessionInfo,
  SessionStatusCount,
} from '../backend-types';
import type { DbClient } from '../lean-client';
import { campaignsByName, phoneLookup, sessionIdsForPhone } from './lookups';
import { fail } from '../api-error';
import { type SessionRow, toLive, toSession } from './mappers';

/** Sessions: one by phone or id, the live list (all campaigns or one), and counts per status. */
export function createSessionQueries(client: DbClient) {
  async function sessionsWhere(
    column: 'session_id' | 'phone_number',
    values: string[],
    signal?: AbortSignal,
  ) {
    let query = client
      .from('sessions')
      .select('*')
      .in(column, values)
      .order('updated_at', { ascending: false, nullsFirst: false });
    if (signal) query = query.abortSignal(signal);
    const { data, error, status } = await query;
    if (error) throw fail('sessions table')(error, status);
    return data;
  }

  async function withCampaigns(rows: SessionRow[], signal?: AbortSignal): Promise<SessionInfo[]> {
    const campaigns = await campaignsByName(
      client,
      rows.map((r) => r.campaign),
      signal,
    );
    return rows.map((row) => toSession(row, campaigns.get(row.campaign ?? '')));
  }

  async function liveSessions(
    limit: number,
    filters: LiveSessionFilters = {},
    { signal }: RequestOptions = {},
  ) {
    const phones = filters.phones?.flatMap((p) => phoneLookup(p).variants) ?? null;
    let query = client.rpc('live_sessions', {
      p_limit: limit,
      p_campaign: filters.campaign ?? undefined,
      p_statuses: filters.statuses?.length ? filters.statuses : undefined,
      p_search: filters.search?.trim() || undefined,
      p_phones: phones ?? undefined,
    });
    if (signal) query = query.abortSignal(signal);
    const { data, error, status } = await query;
    if (error) throw fail('live sessions function (live_sessions)')(error, status);
    const campaigns = await campaignsByName(
      client,
      data.map((r) => r.campaign),
      signal,
    );
    return data.map((row) => toLive(row, campaigns));
  }

  return {
    /** The phone's most recently updated session, or null when the backend has none. */
    async getSessionByPhone(
      phone: string,
      { signal }: RequestOptions = {},
    ): Promise<SessionInfo | null> {
      const ids = await sessionIdsForPhone(client, phone, signal);
      if (!ids.length) return null;
      const [latest] = await withCampaigns(
        (await sessionsWhere('session_id', ids, signal)).slice(0, 1),
        signal,
      );
      return latest ?? null;
    },

    async getSessionById(
      sessionId: string,
      { signal }: RequestOptions = {},
    ): Promise<SessionInfo | null> {
      const [session] = await withCampaigns(
        await sessionsWhere('session_id', [sessionId], signal),
        signal,
      );
      return session ?? null;
    },

    /** A campaign's sessions, most recently active first, with counts. */
    getSessionsByCampaign(
      campaign: string,
      filters: Omit<LiveSessionFilters, 'campaign'> & { limit?: number } = {},
      options: RequestOptions = {},
    ): Promise<LiveSessionData[]> {
      return liveSessions(filters.limit ?? 1000, { ...filters, campaign }, options);
    },

    /** The most recently active sessions (messages, calls and status changes all count), with counts. */
    getLiveSessions(
      limit = 50,
      filters: LiveSessionFilters = {},
      options: RequestOptions = {},
    ): Promise<LiveSessionData[]> {
      return liveSessions(limit, filters, options);
    },

    /** Sessions per status, for one campaign or all (null): the exact "N active now". */
    async getSessionStatusCounts(
      campaign?: string | null,
      { signal }: RequestOptions = {},
    ): Promise<SessionStatusCount[]> {
      let query = client.rpc('session_status_counts', campaign ? { p_campaign: campaign } : {});
      if (signal) query = query.abortSignal(signal);
      const { data, error, status } = await query;
      if (error) throw fail('status counts function (session_status_counts)')(error, status);
      return data.map((row) => ({
        status: row.status ?? null,
        sessions: Number(row.sessions ?? 0),
      }));
    },
  };
}
