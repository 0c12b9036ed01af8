import type { SupabaseClient } from '@supabase/supabase-js';
import type { QueryClient } from '@tanstack/react-query';
import { REFETCH_THROTTLE_MS } from '@/data/realtime/realtime-context';
import { pause } from '../support/realtime';

// When have the writes "settled"? When realtime has delivered an event for every row written
// (counted on a probe channel of its own, signed in as staff like the app), and then the app's
// cache has been quiet (nothing fetching, nothing changed) for longer than the realtime throttle
// needs to run its trailing refetches.

export const LIVE_TABLES = ['chat_history', 'calls', 'sessions', 'numbers'] as const;
export type LiveTable = (typeof LIVE_TABLES)[number];

export interface Probe {
  /** Events received so far on the tables realtime publishes. */
  received(): number;
  lastEventAt(): number;
  /** The tables realtime would not subscribe to (not published): their writes bring no event. */
  unpublished: LiveTable[];
  close(): Promise<void>;
}

export async function openProbe(client: SupabaseClient): Promise<Probe> {
  let received = 0;
  let lastEventAt = 0;
  const unpublished: LiveTable[] = [];
  const channels = await Promise.all(
    LIVE_TABLES.map(async (table) => {
      const channel = client
        .channel(`sync-probe-${table}-${Math.random().toString(36).slice(2)}`)
        .on('postgres_changes', { event: '*', schema: 'public', table }, () => {
          received += 1;
          lastEventAt = Date.now();
        });
      const joined = await new Promise<boolean>((resolve, reject) =>
        channel.subscribe((status, error) => {
          if (status === 'SUBSCRIBED') resolve(true);
          else if (status === 'CHANNEL_ERROR' && /Unable to subscribe/.test(String(error)))
            resolve(false);
          else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT')
            reject(
              new Error(`harness: the realtime probe could not join: ${status} ${error ?? ''}`),
            );
        }),
      );
      if (joined) return channel;
      unpublished.push(table);
      await client.removeChannel(channel);
      return null;
    }),
  );
  return {
    received: () => received,
    lastEventAt: () => lastEventAt,
    unpublished,
    close: async () => {
      for (const channel of channels) if (channel) await client.removeChannel(channel);
    },
  };
}

/** Records when the cache last changed (any query fetched, updated or was patched). */
export function watchCache(queryClient: QueryClient): { lastChangeAt(): number; stop(): void } {
  let last = Date.now();
  const stop = queryClient.getQueryCache().subscribe(() => {
    last = Date.now();
  });
  return { lastChangeAt: () => last, stop };
}

export interface SettleOptions {
  probe: Probe;
  /** Events realtime owes (row changes written so far, setup included). */
  expectedEvents: number;
  queryClient: QueryClient;
  cache: { lastChangeAt(): number };
  timeoutMs?: number;
}

export const QUIET_MS = REFETCH_THROTTLE_MS + 500;

export async function settle({
  probe,
  expectedEvents,
  queryClient,
  cache,
  timeoutMs = 60_000,
}: SettleOptions): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (probe.received() < expectedEvents) {
    if (Date.now() > deadline)
      throw new Error(
        `harness: realtime delivered ${probe.received()} of ${expectedEvents} events in ${timeoutMs} ms`,
      );
    await pause(20);
  }
  for (;;) {
    const quietSince = Math.max(cache.lastChangeAt(), probe.lastEventAt());
    if (queryClient.isFetching() === 0 && Date.now() - quietSince >= QUIET_MS) return;
    if (Date.now() > deadline)
      throw new Error(
        `harness: the app's cache did not settle in ${timeoutMs} ms (${queryClient.isFetching()} fetching)`,
      );
    await pause(50);
  }
}
