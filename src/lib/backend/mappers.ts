// Backend rows (from queries and realtime changes alike) as the domain types of backend-types.ts.
import type {
  BackendCampaignStats,
  CallInfo,
  CampaignFunnelStep,
  CampaignInfo,
  CampaignObjective,
  CampaignSessionData,
  CandidateSummary,
  ChatMessage,
  FunnelStepKind,
  LiveSessionData,
  ObjectiveEvent,
  SessionInfo,
} from '../backend-types';
import type { Database, Json, Tables } from '../database.types';
import {
  formatDuration,
  humanizeKey,
  normalizeAnalysis,
  normalizeMessage,
  normalizeObjectives,
} from '../normalizers';
import { isHttpUrl } from '../urls';

export type SessionRow = Tables<'sessions'>;
export type CallRow = Tables<'calls'>;
type CampaignRow = Tables<'campaigns'>;
export type MessageRow = Pick<
  Tables<'chat_history'>,
  'id' | 'session_id' | 'message' | 'created_at'
>;

function campaignObjectives(raw: Json | null | undefined): CampaignObjective[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return [];
    const key = typeof item.key === 'string' ? item.key : null;
    if (!key) return [];
    return [{ key, label: typeof item.label === 'string' && item.label ? item.label : key }];
  });
}

export function toCampaign(row: CampaignRow): CampaignInfo {
  return {
    name: row.name,
    description: row.description,
    status: row.status,
    objectives: campaignObjectives(row.objectives),
    createdAt: row.created_at,
  };
}

export function toSession(row: SessionRow, campaign?: CampaignInfo | null): SessionInfo {
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

export function toStats(row: StatsRow): BackendCampaignStats {
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

export function emptyStats(campaign: string): BackendCampaignStats {
  return toStats({ campaign } as StatsRow);
}

export function toLive(row: LiveRow, campaigns: Map<string, CampaignInfo>): LiveSessionData {
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

export function toFunnel(rows: FunnelRow[]): CampaignFunnelStep[] {
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

export function toCampaignSession(
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
export interface CandidateDoc {
  session_ids?: string[];
  sessions?: SessionRow[];
  campaigns?: CampaignRow[];
  message_count?: number;
  last_message_at?: string | null;
  calls?: CallRow[];
}

export function toCandidateSummary(e164: string, doc: CandidateDoc): CandidateSummary {
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
