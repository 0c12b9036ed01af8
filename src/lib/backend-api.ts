import { countRows } from './row-counts';
import { backendClient } from './supabase';

const backendTables = ['numbers', 'sessions', 'chat_history', 'calls', 'campaigns'] as const;
export type BackendTable = (typeof backendTables)[number];

export function getBackendRowCounts(signal?: AbortSignal): Promise<Record<BackendTable, number>> {
  return countRows(backendClient, backendTables, signal);
}
