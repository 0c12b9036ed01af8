// Domain types the backend API returns (DESIGN §1): normalized, never raw rows. The field names
// of §1 are kept as the integration guide has them; the rest are camelCase.
import type { CallAnalysis, NormalizedObjective, Sender } from './normalizers';

export type { CallAnalysis, NormalizedObjective };

export interface ChatMessage {
  id: number;
  sessionId: string;
  sender: Sender;
  text: string;
  /** ISO time the row was written. */
  timestamp: string;
  /** False for shapes the dashboard cannot read: shown as "unsupported" with `raw` one click away. */
  supported: boolean;
  raw: unknown;
}

export interface CallInfo {
  call_id: string;
  sessionId: string | null;
  phoneNumber: string | null;
  called_at: string | null;
  /** Seconds; null when the call never connected or the provider did not say. */
  duration: number | null;
  /** `m:ss`, `h:mm:ss` or "N/A". */
  durationLabel: string;
  status: string | null;
  transcript: string | null;
  /** As stored. Use `playableRecordingUrl`, which is set only for http(s) URLs. */
  recording_url: string | null;
  playableRecordingUrl: string | null;
  analysis: CallAnalysis;
}

export interface CampaignObjective {
  key: string;
  label: string;
}

export interface CampaignInfo {
  name: string;
  description: string | null;
  status: string | null;
  objectives: CampaignObjective[];
  createdAt: string | null;
}

export interface SessionInfo {
  sessionId: string;
  phoneNumber: string | null;
  campaign: string | null;
  status: string | null;
  /** Labelled and ordered by the campaign's objective list where it is known. */
  objectives: NormalizedObjective[];
  createdAt: string | null;
  updatedAt: string | null;
}

interface ObjectiveStat extends CampaignObjective {
  achieved: number;
  /** Share of the campaign's contacts, 0–1. */
  share: number;
}

export interface BackendCampaignStats {
  campaign: string;
  description: string | null;
  status: string | null;
  /** Contacts are sessions: one per candidate contacted in the campaign. */
  totalSessions: number;
  activeSessions: number;
  messagesIn: number;
  messagesOut: number;
  totalMessages: number;
  totalCalls: number;
  callsCompleted: number;
  /** Seconds, over calls with a known duration; null when there are none. */
  averageCallDuration: number | null;
  repliedContacts: number;
  /** 0–1. */
  replyRate: number;
  /** Achievements summed over every objective. */
  objectivesAchieved: number;
  objectiveBreakdown: ObjectiveStat[];
  lastActivity: string | null;
}

export interface LiveSessionData {
  sessionId: string;
  phoneNumber: string | null;
  campaign: string | null;
  status: string | null;
  messageCount: number;
  callCount: number;
  lastActivity: string | null;
  lastMessageAt: string | null;
  lastCallAt: string | null;
  objectives: NormalizedObjective[];
  createdAt: string | null;
  updatedAt: string | null;
}

export interface LiveSessionFilters {
  campaign?: string | null;
  statuses?: string[] | null;
  /** Digits of a phone number, or part of a session id. */
  search?: string | null;
  /** Exact phones (any stored form is matched), e.g. resolved from a candidate's name. */
  phones?: string[] | null;
}

export interface ObjectiveEvent {
  sessionId: string;
  key: string;
  label: string;
  value: string | null;
  /** When it was achieved, where the data says so. */
  at: string | null;
  source: string | null;
}

/**
 * Everything about one candidate but the messages themselves (their count instead): what the
 * candidate dialog reads beside the conversation's pages.
 */
export interface CandidateSummary {
  /** E.164. */
  phoneNumber: string;
  /** The most recently updated session, when there is one. */
  sessionId: string | null;
  sessionInfo: SessionInfo | null;
  /** Sessions that have a `sessions` row, most recently updated first. */
  sessions: SessionInfo[];
  /**
   * Every session linked to the phone, through `sessions` or `numbers` (the agent may write the
   * chat and a `numbers` row before, or without, a `sessions` row): whose messages and calls these are.
   */
  sessionIds: string[];
  campaignInfo: CampaignInfo | null;
  /** Messages in the whole conversation; the messages themselves come in pages (ChatPage). */
  messageCount: number;
  /** ISO time of the newest dated message; null when there is none. */
  lastMessageAt: string | null;
  callHistory: CallInfo[];
  /** Achieved objectives, oldest first; those without a time come last. */
  objectiveTimeline: ObjectiveEvent[];
}

/** The integration guide's whole profile (DESIGN §1): the summary and the whole conversation. */
export interface CandidateProfile extends CandidateSummary {
  /** Every message, oldest first. */
  chatHistory: ChatMessage[];
}

/** Where a page of the conversation ends: the oldest message it holds (keyset for the next, older page). */
export interface ChatCursor {
  at: string | null;
  id: number;
}

/** A page of a candidate's conversation: `messages` oldest first; `hasOlder` when more lie before them. */
export interface ChatPage {
  messages: ChatMessage[];
  hasOlder: boolean;
  cursor: ChatCursor | null;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

/** How many sessions have one status (lower-cased; null for sessions without one). */
export interface SessionStatusCount {
  status: string | null;
  sessions: number;
}

/**
 * A bar of a campaign's funnel: every contact, those who replied (sent a message), those called
 * (at least one call), then each objective achieved, in the campaign's order.
 */
export type FunnelStepKind = 'contacts' | 'replied' | 'called' | 'objective';

export interface CampaignFunnelStep {
  step: FunnelStepKind;
  /** Set for `objective` steps. */
  objectiveKey: string | null;
  label: string;
  sessions: number;
  /** Share of the campaign's contacts, 0–1. */
  share: number;
}

/** One day of a campaign's activity, in the time zone asked for. */
export interface DailyActivity {
  /** `YYYY-MM-DD`. */
  day: string;
  messagesIn: number;
  messagesOut: number;
  calls: number;
}

/** Narrows a campaign's sessions; every field left out matches everything. */
export interface CampaignSessionFilters {
  statuses?: string[] | null;
  /** Sent at least one message (true) or none (false). */
  replied?: boolean | null;
  /** Had at least one call (true) or none (false). */
  called?: boolean | null;
  /** Achieved this objective (its key). */
  objective?: string | null;
  limit?: number;
}

export interface CampaignSessionData extends LiveSessionData {
  messagesIn: number;
  messagesOut: number;
}

export interface CampaignSessionsPage {
  rows: CampaignSessionData[];
  /** Every matching session, counted by Postgres before the limit. */
  total: number;
}

export type SearchKind = 'message' | 'call';
export type SearchSender = 'user' | 'agent';

/** What to search and where: the URL of the Search page (`/search?q=…&kind=…`). */
export interface SearchFilters {
  query: string;
  campaign?: string | null;
  kind?: SearchKind | null;
  /** Who wrote a message; calls, where both speak, are left out when it is set. */
  sender?: SearchSender | null;
  /** ISO instants: hits at or after `from`, before `to`. */
  from?: string | null;
  to?: string | null;
}

/** Where the next page starts: the last hit's time, kind and id (newest first). */
export interface SearchCursor {
  at: string | null;
  kind: SearchKind;
  id: string;
}

export interface SearchHit {
  kind: SearchKind;
  /** chat_history.id (as text) or calls.call_id */
  id: string;
  sessionId: string | null;
  phone: string | null;
  campaign: string | null;
  status: string | null;
  at: string | null;
  /** Who wrote a message; null for a call. */
  sender: string | null;
  /** Plain text around the match, the matched words marked (search-text.ts). */
  snippet: string;
}

export interface SearchPage {
  hits: SearchHit[];
  /** null on the last page */
  next: SearchCursor | null;
  /** The query with a mistyped word corrected, when one was. */
  corrected: string | null;
}

export interface SearchFacets {
  /** Hits with every filter, counted up to 1,000; `totalCapped` when there are more. */
  total: number;
  totalCapped: boolean;
  /** Per kind, sender and campaign among the first 1,000 hits of the query and dates. */
  kinds: Partial<Record<SearchKind, number>>;
  senders: Partial<Record<SearchSender, number>>;
  campaigns: Record<string, number>;
  /** The per-filter counts stop at 1,000 hits: they are lower bounds. */
  capped: boolean;
  corrected: string | null;
}
