import { createBackendActivity } from './backend-activity';
import { type ChangeHandlers, watchBackendChanges } from './backend-changes';
import { createBackendApi } from './backend-queries';
import { countRows } from './row-counts';
import { backendClient } from './supabase';

// The browser's backend API (DESIGN §1), bound to its client. The functions themselves live in
// backend-queries.ts (one module per domain in backend/) so that scripts and tests can bind them
// to a client of their own.
export const backendApi = createBackendApi(backendClient.db);
export const {
  getChatHistoryByPhone,
  getChatHistoryBySession,
  getSessionByPhone,
  getSessionById,
  getCallsByPhone,
  getCallsBySession,
  getCampaignInfo,
  getCampaignStats,
  getSessionsByCampaign,
  getCandidateProfile,
  getCandidateSummary,
  getChatPage,
  getLiveSessions,
  getSessionStatusCounts,
  getCampaignFunnel,
  getCampaignDailyActivity,
  getCampaignSessions,
  searchConversations,
  searchFacets,
  getAttentionQueue,
  getSessionsAttention,
} = backendApi;
export const { getActivitySince } = createBackendActivity(backendClient.db);

const backendTables = ['numbers', 'sessions', 'chat_history', 'calls', 'campaigns'] as const;
export type BackendTable = (typeof backendTables)[number];

export function getBackendRowCounts(signal?: AbortSignal): Promise<Record<BackendTable, number>> {
  return countRows(backendClient.db, backendTables, signal);
}

export const watchChanges = (handlers: ChangeHandlers) =>
  watchBackendChanges(backendClient.realtime, handlers);
