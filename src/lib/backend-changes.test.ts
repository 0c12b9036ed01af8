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

    expect(realtime.bindings.map((b) => b.table)).toEqual([
      'chat_history',
      'calls',
      'sessions',
      'numbers',
    ]);
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

  it('reports nothing from a channel once stopped, though realtime-js calls back as it closes', () => {
    const host = realtimeLikeHost();
    const h = handlers();
    const stop = watchBackendChanges(host.client, h);
    const [channel] = host.channels;
    channel!.report('SUBSCRIBED');
    const reported = vi.mocked(h.onStatus).mock.calls.length;
    stop();

    channel!.close();
    channel!.report('CHANNEL_ERROR');
    channel!.deliver('chat_history', { eventType: 'INSERT', new: { id: 1 }, old: {} });
    expect(h.onStatus).toHaveBeenCalledTimes(reported);
    expect(h.onChange).not.toHaveBeenCalled();
  });

  it('a watch started while the previous channel is still leaving gets a channel of its own', () => {
    const host = realtimeLikeHost();
    const first = handlers();
    const stopFirst = watchBackendChanges(host.client, first);
    host.channels[0]!.report('SUBSCRIBED');
    stopFirst();

    const second = handlers();
    watchBackendChanges(host.client, second);
    expect(host.channels).toHaveLength(2);
    const [leaving, joining] = host.channels;
    leaving!.close();
    joining!.report('SUBSCRIBED');
    joining!.deliver('calls', { eventType: 'INSERT', new: { call_id: 'c1' }, old: {} });
    expect(vi.mocked(second.onStatus).mock.calls).toEqual([['SUBSCRIBED', undefined]]);
    expect(second.onChange).toHaveBeenCalledWith(expect.objectContaining({ table: 'calls' }));
    expect(vi.mocked(first.onStatus).mock.calls).toEqual([['SUBSCRIBED', undefined]]);
  });
});

/**
 * Channels as realtime-js keeps them: `channel(topic)` returns the existing channel of that topic
 * until it has closed, and a removed channel calls its subscriber back with CLOSED when it does.
 */
function realtimeLikeHost() {
  type Callback = (payload: unknown) => void;
  const channels: ReturnType<typeof newChannel>[] = [];
  const open = new Map<string, ReturnType<typeof newChannel>>();
  function newChannel(topic: string) {
    const bindings = new Map<string, Callback>();
    let subscriber: ((status: string, error?: Error) => void) | undefined;
    const channel = {
      on(_type: string, filter: { table: string }, callback: Callback) {
        bindings.set(filter.table, callback);
        return channel;
      },
      subscribe(callback: typeof subscriber) {
        // As realtime-js: a channel that is not closed (joined, or leaving) is not joined again.
        subscriber ??= callback;
        return channel;
      },
      report: (status: string) => subscriber?.(status),
      deliver: (table: string, payload: unknown) => bindings.get(table)?.(payload),
      close() {
        open.delete(topic);
        subscriber?.('CLOSED');
      },
    };
    return channel;
  }
  const client = {
    channel(topic: string) {
      const existing = open.get(topic);
      if (existing) return existing;
      const channel = newChannel(topic);
      open.set(topic, channel);
      channels.push(channel);
      return channel;
    },
    // Leaving takes a round trip: the channel closes later (the test says when).
    removeChannel: async () => 'ok' as const,
  };
  return { client: client as unknown as RealtimeClient, channels };
}
