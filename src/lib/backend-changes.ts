import type { RealtimePostgresChangesPayload, SupabaseClient } from '@supabase/supabase-js';
import type { Database, Tables } from './database.types';

/** The backend tables the agent writes live (DESIGN §2; publication supabase_realtime). */
export type LiveTable = 'chat_history' | 'calls' | 'sessions';

export type BackendChange =
  | {
      table: 'chat_history';
      eventType: 'INSERT' | 'UPDATE' | 'DELETE';
      row: Partial<Tables<'chat_history'>>;
      old: Partial<Tables<'chat_history'>>;
    }
  | {
      table: 'calls';
      eventType: 'INSERT' | 'UPDATE' | 'DELETE';
      row: Partial<Tables<'calls'>>;
      old: Partial<Tables<'calls'>>;
    }
  | {
      table: 'sessions';
      eventType: 'INSERT' | 'UPDATE' | 'DELETE';
      row: Partial<Tables<'sessions'>>;
      old: Partial<Tables<'sessions'>>;
    };

export type ChannelStatus = 'SUBSCRIBED' | 'TIMED_OUT' | 'CLOSED' | 'CHANNEL_ERROR';

export interface ChangeHandlers {
  onChange: (change: BackendChange) => void;
  /** SUBSCRIBED comes first and again after every reconnect: the moment to backfill. */
  onStatus: (status: ChannelStatus, error?: Error) => void;
}

const LIVE_TABLES: LiveTable[] = ['chat_history', 'calls', 'sessions'];

/**
 * One realtime channel with a postgres_changes binding per live table. realtime-js rejoins by
 * itself after a drop and reports SUBSCRIBED again; the token follows the auth session.
 */
export function watchBackendChanges(
  client: SupabaseClient<Database>,
  handlers: ChangeHandlers,
): () => void {
  let channel = client.channel('backend-changes');
  for (const table of LIVE_TABLES) {
    channel = channel.on(
      'postgres_changes',
      { event: '*', schema: 'public', table },
      (payload: RealtimePostgresChangesPayload<Record<string, unknown>>) =>
        handlers.onChange({
          table,
          eventType: payload.eventType,
          row: payload.new ?? {},
          old: payload.old ?? {},
        } as BackendChange),
    );
  }
  channel.subscribe((status, error) => handlers.onStatus(status as ChannelStatus, error));
  return () => {
    void client.removeChannel(channel);
  };
}
