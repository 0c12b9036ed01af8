import { ApiError, apiErrorFromStatus } from './api-error';
import type { Database } from './database.types';
import type { DbClient } from './lean-client';

/** Counts each table in Postgres (`count=exact` on a HEAD request), never by downloading rows. */
export async function countRows<Table extends keyof Database['public']['Tables']>(
  client: DbClient,
  tables: readonly Table[],
  signal?: AbortSignal,
): Promise<Record<Table, number>> {
  const entries = await Promise.all(
    tables.map(async (table) => {
      let query = client.from(table).select('*', { count: 'exact', head: true });
      if (signal) query = query.abortSignal(signal);
      const { count, error, status } = await query;
      if (error) throw apiErrorFromStatus(status, error);
      // A HEAD request for a missing table gets a bodiless 404, which supabase-js turns into a
      // success without a count.
      if (count === null) {
        throw new ApiError(
          'not-found',
          `The table "${table}" was not found. Is the database set up?`,
        );
      }
      return [table, count] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Table, number>;
}
