import { type TableHandlers, watchTables } from './backend-changes';
import type { AttentionTableChange } from './app-attention-queries';
import { createAppApi } from './app-queries';
import { countRows } from './row-counts';
import { appClient } from './supabase';

// The browser's app API, bound to its client; the functions live in app-queries.ts.
const appApi = createAppApi(appClient.db);
export const {
  listCandidates,
  getCandidateByPhone,
  getCandidateNames,
  listNotes,
  createNote,
  updateNote,
  deleteNote,
  listAttentionClaims,
  changeAttentionClaim,
  listAttentionEvents,
  listStaff,
  listAttentionRules,
  saveAttentionRule,
  removeAttentionRule,
} = appApi;

const appTables = ['candidates', 'jobs', 'candidate_notes', 'staff_members'] as const;
export type AppTable = (typeof appTables)[number];

export function getAppRowCounts(signal?: AbortSignal): Promise<Record<AppTable, number>> {
  return countRows(appClient.db, appTables, signal);
}

/** Attention claims and rules as staff change them (the app project's realtime). */
export const watchAttention = (handlers: TableHandlers<AttentionTableChange>) =>
  watchTables(appClient.realtime, 'app-changes', ['attention_claims', 'attention_rules'], handlers);
