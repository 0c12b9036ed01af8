import type { RealtimeClient, RealtimePostgresChangesPayload } from '@supabase/realtime-js';
import type { Tables } from './database.types';

/**
 * The backend tables the agent writes live (DESIGN §2; publication supabase_realtime). `numbers`
 * links a phone to a session: a new row adds a session to an open candidate's conversation.
 */
type LiveTable = 'chat_history' | 'calls' | 'sessions' | 'numbers';

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
    }
  | {
      table: 'numbers';
      eventType: 'INSERT' | 'UPDATE' | 'DELETE';
      row: Partial<Tables<'numbers'>>;
      old: Partial<Tables<'numbers'>>;
    };

type ChannelStatus = 'SUBSCRIBED' | 'TIMED_OUT' | 'CLOSED' | 'CHANNEL_ERROR';

export interface ChangeHandlers {
  onChange: (change: BackendChange) => void;
  /** SUBSCRIBED comes first and again after every reconnect: the moment to backfill. */
  onStatus: (status: ChannelStatus, error?: Error) => void;
}

const LIVE_TABLES: LiveTable[] = ['chat_history', 'calls', 'sessions', 'numbers'];

/** A supabase-js client, or a realtime client (the browser's loads on first use: lean-client.ts). */
type ChannelHost = Pick<RealtimeClient, 'channel' | 'removeChannel'>;

/** How long to wait before trying again when the realtime client could not be loaded. */
const RELOAD_AFTER_MS = 10_000;

/** The agent's live tables on one channel (see watchTables). */
export function watchBackendChanges(
  host: ChannelHost | (() => Promise<ChannelHost>),
  handlers: ChangeHandlers,
): () => void {
  return watchTables<BackendChange>(host, 'backend-changes', LIVE_TABLES, handlers);
}

/** A change to one watched table, as the merge rule takes it. */
interface TableChange {
  table: string;
  eventType: 'INSERT' | 'UPDATE' | 'DELETE';
  row: object;
  old: object;
}

export interface TableHandlers<Change extends TableChange> {
  onChange: (change: Change) => void;
  onStatus: ChangeHandlers['onStatus'];
}

/**
 * One realtime channel named `name` with a postgres_changes binding per table, on any project's
 * client. realtime-js rejoins by itself after a drop and reports SUBSCRIBED again; the token
 * follows the auth session. Once stopped, nothing more is reported: removing the channel calls
 * its subscriber back with CLOSED.
 */
export function watchTables<Change extends TableChange>(
  host: ChannelHost | (() => Promise<ChannelHost>),
  name: string,
  tables: readonly Change['table'][],
  handlers: TableHandlers<Change>,
): () => void {
  let stopped = false;
  let stop = () => {};
  let retry: ReturnType<typeof setTimeout> | undefined;

  const subscribe = (client: ChannelHost) => {
    let channel = client.channel(name);
    for (const table of tables) {
      channel = channel.on(
        'postgres_changes',
        { event: '*', schema: 'public', table },
        (payload: RealtimePostgresChangesPayload<Record<string, unknown>>) => {
          if (stopped) return;
          // The one place a payload gets its table's row type: realtime sends that table's
          // columns (an UPDATE without unchanged TOASTed ones, a DELETE with the key alone).
          handlers.onChange({
            table,
            eventType: payload.eventType,
            row: payload.new ?? {},
            old: payload.old ?? {},
          } as Change);
        },
      );
    }
    channel.subscribe((status, error) => {
      if (!stopped) handlers.onStatus(status as ChannelStatus, error);
    });
    stop = () => void client.removeChannel(channel);
  };

  const load = (getHost: () => Promise<ChannelHost>) =>
    getHost().then(
      (client) => {
        if (!stopped) subscribe(client);
      },
      (error: unknown) => {
        if (stopped) return;
        // Shown as a dropped connection (Reconnecting, then Offline); polling carries on meanwhile.
        handlers.onStatus('CHANNEL_ERROR', error instanceof Error ? error : undefined);
        retry = setTimeout(() => void load(getHost), RELOAD_AFTER_MS);
      },
    );

  if (typeof host === 'function') void load(host);
  else subscribe(host);
  return () => {
    stopped = true;
    clearTimeout(retry);
    stop();
  };
}
