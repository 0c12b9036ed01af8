import { ApiError, apiErrorFromPostgrest } from './api-error';
import type {
  BackendCampaignStats,
  CallInfo,
  CampaignFunnelStep,
  CampaignInfo,
  CampaignObjective,
  CampaignSessionData,
  CampaignSessionFilters,
  CampaignSessionsPage,
  CandidateProfile,
  CandidateSummary,
  ChatCursor,
  ChatMessage,
  ChatPage,
  DailyActivity,
  FunnelStepKind,
  LiveSessionData,
  LiveSessionFilters,
  ObjectiveEvent,
  RequestOptions,
  SessionInfo,
  SessionStatusCount,
} from './backend-types';
import type { Database, Json, Tables } from './database.types';
import type { DbClient } from './lean-client';
import {
  formatDuration,
  humanizeKey,
  normalizeAnalysis,
  normalizeMessage,
  normalizeObjectives,
  normalizePhone,
  phoneVariants,
} from './normalizers';
import { fetchAllPages } from './paging';
import { isHttpUrl } from './urls';

export type BackendClient = DbClient;

type SessionRow = Tables<'sessions'>;
export type CallRow = Tables<'calls'>;
type CampaignRow = Tables<'campaigns'>;
export type MessageRow = Pick<
  Tables<'chat_history'>,
  'id' | 'session_id' | 'message' | 'created_at'
>;

/** chat_page serves at most 1,000 rows, and getChatPage asks for one more than its page. */
const CHAT_PAGE_MAX = 999;

/** A phone in any form (DESIGN §4) → every stored form of it; a non-number fails before any request. */
export function phoneLookup(phone: string): { e164: string; variants: string[] } {
  const result = normalizePhone(phone);
  if (!result.ok) {
    throw new ApiError(
      'validation',
      `"${String(phone).slice(0, 40)}" is not a phone number (${result.reason}).`,
    );
  }
  return { e164: result.e164, variants: phoneVariants(result.e164) };
}

function campaignObjectives(raw: Json | null | undefined): CampaignObjective[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return [];
    const key = typeof item.key === 'string' ? item.key : null;
    if (!key) return [];
    return [{ key, label: typeof item.label === 'string' && item.label ? item.label : key }];
  });
}

function toCampaign(row: CampaignRow): CampaignInfo {
  return {
    name: row.name,
    description: row.description,
    status: row.status,
    objectives: campaignObjectives(row.objectives),
    createdAt: row.created_at,
  };
}

function toSession(row: SessionRow, campaign?: CampaignInfo | null): SessionInfo {
  return {
    sessionId: row.session_id,
    phoneNumber: row.phone_number,
    campaign: row.campaign,
    status: row.status,
    objectives: normalizeObjectives(row.objectives, campaign?.objectives),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A chat_history row (from a query or a realtime change) as a ChatMessage. */
export function toMessage(row: MessageRow): ChatMessage {
  const { sender, text, supported } = normalizeMessage(row.message);
  return {
    id: row.id,
    sessionId: row.session_id,
    sender,
    text,
    timestamp: row.created_at ?? '',
    supported,
    raw: row.message,
  };
}

/** A calls row (from a query or a realtime change) as a CallInfo. */
export function toCall(row: CallRow): CallInfo {
  return {
    call_id: row.call_id,
    sessionId: row.session_id,
    phoneNumber: row.phone_number,
    called_at: row.called_at,
    duration: typeof row.duration === 'number' ? row.duration : null,
    durationLabel: formatDuration(row.duration),
    status: row.status,
    transcript: row.transcript,
    recording_url: row.recording_url,
    playableRecordingUrl:
      row.recording_url && isHttpUrl(row.recording_url) ? row.recording_url : null,
    analysis: normalizeAnalysis(row.analysis),
  };
}

type StatsRow = Database['public']['Functions']['campaign_stats']['Returns'][number];
type LiveRow = Database['public']['Functions']['live_sessions']['Returns'][number];

function toStats(row: StatsRow): BackendCampaignStats {
  const total = Number(row.total_contacts ?? 0);
  const breakdown = (Array.isArray(row.objectives_achieved) ? row.objectives_achieved : []).flatMap(
    (item) => {
      if (!item || typeof item !== 'object' || Array.isArray(item) || typeof item.key !== 'string')
        return [];
      const achieved = Number(item.achieved ?? 0);
      const label = typeof item.label === 'string' && item.label ? item.label : null;
      return [
        {
          key: item.key,
          label: label ?? humanizeKey(item.key),
          achieved,
          share: total ? achieved / total : 0,
        },
      ];
    },
  );
  return {
    campaign: row.campaign,
    description: row.description ?? null,
    status: row.campaign_status ?? null,
    totalSessions: total,
    activeSessions: Number(row.active_sessions ?? 0),
    messagesIn: Number(row.messages_in ?? 0),
    messagesOut: Number(row.messages_out ?? 0),
    totalMessages: Number(row.total_messages ?? 0),
    totalCalls: Number(row.calls_total ?? 0),
    callsCompleted: Number(row.calls_completed ?? 0),
    averageCallDuration: row.avg_call_duration == null ? null : Number(row.avg_call_duration),
    repliedContacts: Number(row.replied_contacts ?? 0),
    replyRate: Number(row.reply_rate ?? 0),
    objectivesAchieved: breakdown.reduce((sum, o) => sum + o.achieved, 0),
    objectiveBreakdown: breakdown,
    lastActivity: row.last_activity ?? null,
  };
}

function emptyStats(campaign: string): BackendCampaignStats {
  return toStats({ campaign } as StatsRow);
}

function toLive(row: LiveRow, campaigns: Map<string, CampaignInfo>): LiveSessionData {
  return {
    sessionId: row.session_id,
    phoneNumber: row.phone_number ?? null,
    campaign: row.campaign ?? null,
    status: row.status ?? null,
    messageCount: Number(row.message_count ?? 0),
    callCount: Number(row.call_count ?? 0),
    lastActivity: row.last_activity ?? null,
    lastMessageAt: row.last_message_at ?? null,
    lastCallAt: row.last_call_at ?? null,
    objectives: normalizeObjectives(row.objectives, campaigns.get(row.campaign ?? '')?.objectives),
    createdAt: row.created_at ?? null,
    updatedAt: row.updated_at ?? null,
  };
}

type FunnelRow = Database['public']['Functions']['campaign_funnel']['Returns'][number];
type CampaignSessionRow = Database['public']['Functions']['campaign_sessions']['Returns'][number];

const FUNNEL_STEPS: readonly FunnelStepKind[] = ['contacts', 'replied', 'called', 'objective'];

function toFunnel(rows: FunnelRow[]): CampaignFunnelStep[] {
  const contacts = Number(rows.find((r) => r.step === 'contacts')?.sessions ?? 0);
  return rows.flatMap((row) => {
    const step = FUNNEL_STEPS.find((s) => s === row.step);
    if (!step) return [];
    const sessions = Number(row.sessions ?? 0);
    const objectiveKey = row.objective_key ?? null;
    return [
      {
        step,
        objectiveKey,
        label: row.label || humanizeKey(objectiveKey ?? step),
        sessions,
        share: contacts ? sessions / contacts : 0,
      },
    ];
  });
}

function toCampaignSession(
  row: CampaignSessionRow,
  campaign: CampaignInfo | undefined,
): CampaignSessionData {
  return {
    ...toLive(row, new Map(campaign ? [[campaign.name, campaign]] : [])),
    messagesIn: Number(row.messages_in ?? 0),
    messagesOut: Number(row.messages_out ?? 0),
  };
}

/** Achieved objectives of every session in time order; undated ones last (DESIGN §4 objectives). */
function objectiveTimeline(sessions: SessionInfo[]): ObjectiveEvent[] {
  const events = sessions.flatMap((s) =>
    s.objectives
      .filter((o) => o.achieved)
      .map((o) => ({
        sessionId: s.sessionId,
        key: o.key,
        label: o.label,
        value: o.value,
        at: o.at,
        source: o.source,
      })),
  );
  return events.sort((a, b) => (a.at ?? '\uffff').localeCompare(b.at ?? '\uffff'));
}

/** What candidate_summary returns (candidate_profile adds `messages`). */
interface CandidateDoc {
  session_ids?: string[];
  sessions?: SessionRow[];
  campaigns?: CampaignRow[];
  message_count?: number;
  last_message_at?: string | null;
  calls?: CallRow[];
}

function toCandidateSummary(e164: string, doc: CandidateDoc): CandidateSummary {
  const campaigns = new Map((doc.campaigns ?? []).map((row) => [row.name, toCampaign(row)]));
  const sessions = (doc.sessions ?? []).map((row) =>
    toSession(row, campaigns.get(row.campaign ?? '')),
  );
  const latest = sessions[0] ?? null;
  return {
    phoneNumber: e164,
    sessionId: latest?.sessionId ?? null,
    sessionInfo: latest,
    sessions,
    sessionIds: doc.session_ids ?? sessions.map((s) => s.sessionId),
    campaignInfo: latest?.campaign ? (campaigns.get(latest.campaign) ?? null) : null,
    messageCount: Number(doc.message_count ?? 0),
    lastMessageAt: doc.last_message_at ?? null,
    callHistory: (doc.calls ?? []).map(toCall),
    objectiveTimeline: objectiveTimeline(sessions),
  };
}

/**
 * The backend API of DESIGN §1 over one supabase-js client. The browser binds it to its client in
 * backend-api.ts; scripts and tests bind it to theirs.
 */
export function createBackendApi(client: BackendClient) {
  const fail = (what: string) => (error: { message?: string; code?: string }, status: number) =>
    apiErrorFromPostgrest(error, status, what);

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

  async function campaignsByName(
    names: (string | null)[],
    signal?: AbortSignal,
  ): Promise<Map<string, CampaignInfo>> {
    const wanted = [...new Set(names.filter((n): n is string => !!n))];
    if (!wanted.length) return new Map();
    let query = client.from('campaigns').select('*').in('name', wanted);
    if (signal) query = query.abortSignal(signal);
    const { data, error, status } = await query;
    if (error) throw fail('campaigns table')(error, status);
    return new Map(data.map((row) => [row.name, toCampaign(row)]));
  }

  async function sessionIdsForPhone(phone: string, signal?: AbortSignal): Promise<string[]> {
    const { variants } = phoneLookup(phone);
    let query = client.rpc('session_ids_for_phones', { p_phones: variants });
    if (signal) query = query.abortSignal(signal);
    const { data, error, status } = await query;
    if (error) throw fail('session lookup function (session_ids_for_phones)')(error, status);
    return (data ?? []) as string[];
  }

  async function messagesOf(sessionIds: string[], signal?: AbortSignal): Promise<ChatMessage[]> {
    if (!sessionIds.length) return [];
    const rows = await fetchAllPages<MessageRow>((from, to) => {
      let query = client
        .from('chat_history')
        .select('id, session_id, message, created_at')
        .in('session_id', sessionIds)
        .order('created_at', { ascending: true })
        .order('id', { ascending: true })
        .range(from, to);
      if (signal) query = query.abortSignal(signal);
      return query;
    }, fail('chat_history table'));
    return rows.map(toMessage);
  }

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
      data.map((r) => r.campaign),
      signal,
    );
    return data.map((row) => toLive(row, campaigns));
  }

  return {
    /** Every message of every session behind this phone, oldest first. */
    async getChatHistoryByPhone(
      phone: string,
      { signal }: RequestOptions = {},
    ): Promise<ChatMessage[]> {
      return messagesOf(await sessionIdsForPhone(phone, signal), signal);
    },

    getChatHistoryBySession(
      sessionId: string,
      { signal }: RequestOptions = {},
    ): Promise<ChatMessage[]> {
      return messagesOf([sessionId], signal);
    },

    /** The phone's most recently updated session, or null when the backend has none. */
    async getSessionByPhone(
      phone: string,
      { signal }: RequestOptions = {},
    ): Promise<SessionInfo | null> {
      const ids = await sessionIdsForPhone(phone, signal);
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

    /** Newest first. */
    async getCallsByPhone(phone: string, { signal }: RequestOptions = {}): Promise<CallInfo[]> {
      return callsOf(await sessionIdsForPhone(phone, signal), signal);
    },

    getCallsBySession(sessionId: string, { signal }: RequestOptions = {}): Promise<CallInfo[]> {
      return callsOf([sessionId], signal);
    },

    async getCampaignInfo(
      name: string,
      { signal }: RequestOptions = {},
    ): Promise<CampaignInfo | null> {
      return (await campaignsByName([name], signal)).get(name) ?? null;
    },

    /** One campaign's statistics (zeros for a campaign with no sessions), or all at once. */
    async getCampaignStats(
      campaign?: string,
      { signal }: RequestOptions = {},
    ): Promise<BackendCampaignStats[]> {
      let query = client.rpc(
        'campaign_stats',
        campaign === undefined ? {} : { p_campaign: campaign },
      );
      if (signal) query = query.abortSignal(signal);
      const { data, error, status } = await query;
      if (error) throw fail('campaign statistics function (campaign_stats)')(error, status);
      const stats = data.map(toStats);
      return campaign !== undefined && !stats.length ? [emptyStats(campaign)] : stats;
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

    /** Contacts → replied → called → each objective, with counts and shares of contacts. */
    async getCampaignFunnel(
      campaign: string,
      { signal }: RequestOptions = {},
    ): Promise<CampaignFunnelStep[]> {
      let query = client.rpc('campaign_funnel', { p_campaign: campaign });
      if (signal) query = query.abortSignal(signal);
      const { data, error, status } = await query;
      if (error) throw fail('campaign funnel function (campaign_funnel)')(error, status);
      return toFunnel(data);
    },

    /** Messages in and out and calls per day over the last `days` days, zeros included. */
    async getCampaignDailyActivity(
      campaign: string,
      { days = 14, timeZone }: { days?: number; timeZone?: string } = {},
      { signal }: RequestOptions = {},
    ): Promise<DailyActivity[]> {
      let query = client.rpc('campaign_daily_activity', {
        p_campaign: campaign,
        p_days: days,
        ...(timeZone && { p_tz: timeZone }),
      });
      if (signal) query = query.abortSignal(signal);
      const { data, error, status } = await query;
      if (error) throw fail('daily activity function (campaign_daily_activity)')(error, status);
      return data.map((row) => ({
        day: String(row.day).slice(0, 10),
        messagesIn: Number(row.messages_in ?? 0),
        messagesOut: Number(row.messages_out ?? 0),
        calls: Number(row.calls ?? 0),
      }));
    },

    /** A campaign's sessions, most recently active first, filtered in Postgres, with the total. */
    async getCampaignSessions(
      campaign: string,
      filters: CampaignSessionFilters = {},
      { signal }: RequestOptions = {},
    ): Promise<CampaignSessionsPage> {
      let query = client.rpc('campaign_sessions', {
        p_campaign: campaign,
        p_statuses: filters.statuses?.length ? filters.statuses : undefined,
        p_replied: filters.replied ?? undefined,
        p_called: filters.called ?? undefined,
        p_objective: filters.objective || undefined,
        p_limit: filters.limit ?? 100,
      });
      if (signal) query = query.abortSignal(signal);
      // The campaign's objective labels come alongside, not after: two requests, one round trip.
      const [result, campaigns] = await Promise.all([query, campaignsByName([campaign], signal)]);
      const { data, error, status } = result;
      if (error) throw fail('campaign sessions function (campaign_sessions)')(error, status);
      return {
        rows: data.map((row) => toCampaignSession(row, campaigns.get(campaign))),
        total: Number(data[0]?.total_count ?? 0),
      };
    },

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

    /**
     * A page of the phone's conversation (every session behind it): the newest `limit` messages,
     * or those just older than `before` (the previous page's cursor), oldest first.
     */
    async getChatPage(
      phone: string,
      { before = null, limit = 200 }: { before?: ChatCursor | null; limit?: number } = {},
      { signal }: RequestOptions = {},
    ): Promise<ChatPage> {
      const { variants } = phoneLookup(phone);
      const size = Math.min(
        Math.max(Math.floor(Number.isFinite(limit) ? limit : 200), 1),
        CHAT_PAGE_MAX,
      );
      let query = client.rpc('chat_page', {
        p_phones: variants,
        p_before_at: before?.at ?? undefined,
        p_before_id: before?.id,
        // one row more than the page: whether older messages exist, without counting them
        p_limit: size + 1,
      });
      if (signal) query = query.abortSignal(signal);
      const { data, error, status } = await query;
      if (error) throw fail('chat page function (chat_page)')(error, status);
      // chat_history rows, newest first (a function's generated result type cannot say that
      // created_at may be null)
      const rows = (data as MessageRow[]).slice(0, size);
      const oldest = rows.at(-1);
      return {
        messages: rows.map(toMessage).reverse(),
        hasOlder: data.length > size,
        cursor: oldest ? { at: oldest.created_at ?? null, id: oldest.id } : null,
      };
    },
  };
}

export type BackendApi = ReturnType<typeof createBackendApi>;
