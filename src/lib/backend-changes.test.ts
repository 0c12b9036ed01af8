import type { RealtimeClient } from '@supabase/realtime-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ChangeHandlers, watchBackendChanges } from './backend-changes';

/** A realtime client whose one channel records its bindings and reports the status it is given. */
function fakeRealtime() {
  const bindings: { table: string; callback: (payload: unknown) => void }[] = [];
  let report: (status: string, error?: Error) => void = () => {};
  const channel = {
    on(_type: string, filter: { table: string }, callback: (payload: unknown) => void) {
      bindings.push({ table: filter.table, callback });
      return channel;
    },
    subscribe(callback: typeof report) {
      report = callback;
      return channel;
    },
  };
  const client = {
    channel: vi.fn(() => channel),
    removeChannel: vi.fn(async () => 'ok' as const),
  };
  return {
    client: client as unknown as RealtimeClient,
    channel: client.channel,
    removeChannel: client.removeChannel,
    bindings,
    report: (status: string) => report(status),
  };
}

const handlers = (): ChangeHandlers => ({ onChange: vi.fn(), onStatus: vi.fn() });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('watchBackendChanges', () => {
  it('binds every live table on one channel and passes changes and statuses on', () => {
    const realtime = fakeRealtime();
    const h = handlers();
    watchBackendChanges(realtime.client, h);

    expect(realtime.bindings.map((b) => b.table)).toEqual(['chat_history', 'calls', 'sessions']);
    realtime.report('SUBSCRIBED');
    realtime.bindings[0]!.callback({ eventType: 'INSERT', new: { id: 1 }, old: {} });
    expect(h.onStatus).toHaveBeenCalledWith('SUBSCRIBED', undefined);
    expect(h.onChange).toHaveBeenCalledWith({
      table: 'chat_history',
      eventType: 'INSERT',
      row: { id: 1 },
      old: {},
    });
  });

  it('waits for a lazily loaded client, and subscribes nothing if stopped meanwhile', async () => {
    const realtime = fakeRealtime();
    const stop = watchBackendChanges(async () => realtime.client, handlers());
    stop();
    await vi.runAllTimersAsync();
    expect(realtime.channel).not.toHaveBeenCalled();

    const stopLater = watchBackendChanges(async () => realtime.client, handlers());
    await vi.runAllTimersAsync();
    expect(realtime.channel).toHaveBeenCalledTimes(1);
    stopLater();
    expect(realtime.removeChannel).toHaveBeenCalledTimes(1);
  });

  it('reports a client that failed to load as a dropped connection and tries again', async () => {
    const realtime = fakeRealtime();
    const load = vi
      .fn<() => Promise<RealtimeClient>>()
      .mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'))
      .mockResolvedValue(realtime.client);
    const h = handlers();
    watchBackendChanges(load, h);

    await vi.advanceTimersByTimeAsync(0);
    expect(h.onStatus).toHaveBeenCalledWith('CHANNEL_ERROR', expect.any(Error));
    expect(realtime.channel).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(10_000);
    expect(load).toHaveBeenCalledTimes(2);
    expect(realtime.channel).toHaveBeenCalledTimes(1);
  });
});
