import type pg from 'pg';
import { generateDemoData } from './generate';
import { type DemoTables, insertDemoData } from './insert';
import type { DemoSummary } from './types';

// The demo data's public face: seed a fresh local database, and the names others rely on.

export { DEFAULT_SEED, generateDemoData, type GenerateOptions } from './generate';
export { type DemoTables, insertDemoData } from './insert';
export { RECORDING_FILES, recordingWav } from './recordings';
export { DEMO_EXAMPLES, DEMO_PASSWORD, DEMO_STAFF } from './staff';
export type * from './types';

export interface SeedOptions {
  seed?: number;
  /** Defaults to now, truncated to the minute. */
  anchor?: Date;
  recordingBaseUrl: string;
  /** One project's part in the two-project layout; all tables by default. */
  tables?: DemoTables;
}

export async function seedDemoData(
  client: pg.ClientBase,
  options: SeedOptions,
): Promise<Partial<DemoSummary>> {
  const anchor = options.anchor ?? new Date(Math.floor(Date.now() / 60_000) * 60_000);
  return insertDemoData(client, generateDemoData({ ...options, anchor }), options.tables);
}
