import { countRows } from './row-counts';
import { appClient } from './supabase';

const appTables = ['candidates', 'jobs', 'candidate_notes', 'staff_members'] as const;
export type AppTable = (typeof appTables)[number];

export function getAppRowCounts(signal?: AbortSignal): Promise<Record<AppTable, number>> {
  return countRows(appClient, appTables, signal);
}
