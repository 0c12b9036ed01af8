import { ApiError, apiErrorFromStatus } from './api-error';
import type { DbClient } from './lean-client';

/** What arrived after a moment: chat messages (either side) and calls, as the user may see them. */
export interface BackendActivity {
  messages: number;
  calls: number;
}

/**
 * How much the agent wrote while the dashboard was away (the catch-up notice), counted by
 * Postgres under the user's row-level security: count-only HEAD requests, no rows downloaded.
 */
export function createBackendActivity(client: DbClient) {
  async function count(
    table: 'chat_history' | 'calls',
    key: 'id' | 'call_id',
    time: 'created_at' | 'called_at',
    since: string,
    signal?: AbortSignal,
  ): Promise<number> {
    let query = client.from(table).select(key, { count: 'exact', head: true }).gt(time, since);
    if (signal) query = query.abortSignal(signal);
    const { count, error, status } = await query;
    if (error) throw apiErrorFromStatus(status, error);
    // A HEAD request for a missing table gets a bodiless 404, which supabase-js reports as a
    // success without a count.
    if (count === null)
      throw new ApiError(
        'not-found',
        `The table "${table}" was not found. Is the database set up?`,
      );
    return count;
  }

  /** Messages written and calls placed strictly after `since`, by the database's clock. */
  async function getActivitySince(since: Date, signal?: AbortSignal): Promise<BackendActivity> {
    const at = since.toISOString();
    const [messages, calls] = await Promise.all([
      count('chat_history', 'id', 'created_at', at, signal),
      count('calls', 'call_id', 'called_at', at, signal),
    ]);
    return { messages, calls };
  }

  return { getActivitySince };
}
