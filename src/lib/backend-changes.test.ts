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

  it('reports nothing once stopped: neither the CLOSED of removing the channel, nor anything later', () => {
    const host = realtimeLikeHost();
    const h = handlers();
    const stop = watchBackendChanges(host.client, h);
    const channel = host.channels[0]!;
    channel.report('SUBSCRIBED');
    stop();
    expect(channel.closed).toBe(true);

    channel.report('CLOSED');
    channel.report('CHANNEL_ERROR');
    channel.deliver('chat_history', { eventType: 'INSERT', new: { id: 1 }, old: {} });
    expect(vi.mocked(h.onStatus).mock.calls).toEqual([['SUBSCRIBED', undefined]]);
    expect(h.onChange).not.toHaveBeenCalled();
  });

  it('stopping removes the channel, so the next watch gets one of its own and is subscribed', () => {
    const host = realtimeLikeHost();
    const first = handlers();
    watchBackendChanges(host.client, first)();
    const second = handlers();
    watchBackendChanges(host.client, second);
    expect(host.channels).toHaveLength(2);
    host.channels[1]!.report('SUBSCRIBED');
    host.channels[1]!.deliver('calls', { eventType: 'INSERT', new: { call_id: 'c1' }, old: {} });
    expect(vi.mocked(second.onStatus).mock.calls).toEqual([['SUBSCRIBED', undefined]]);
    expect(second.onChange).toHaveBeenCalledWith(expect.objectContaining({ table: 'calls' }));
    expect(first.onStatus).not.toHaveBeenCalled();
  });
});

/**
 * Channels as realtime-js 2.119 keeps them: `channel(topic)` returns the open channel of that
 * topic if there is one; `removeChannel` closes it at once (phoenix's leave finds the channel
 * already "leaving", so acknowledges itself), calling its subscriber back with CLOSED.
 */
function realtimeLikeHost() {
  type Callback = (payload: unknown) => void;
  type Channel = ReturnType<typeof newChannel>;
  const channels: Channel[] = [];
  const open = new Map<string, Channel>();
  function newChannel(topic: string) {
    const bindings = new Map<string, Callback>();
    let subscriber: ((status: string, error?: Error) => void) | undefined;
    const channel = {
      closed: false,
      on(_type: string, filter: { table: string }, callback: Callback) {
        bindings.set(filter.table, callback);
        return channel;
      },
      subscribe(callback: typeof subscriber) {
        subscriber = callback;
        return channel;
      },
      report: (status: string) => subscriber?.(status),
      deliver: (table: string, payload: unknown) => bindings.get(table)?.(payload),
      close() {
        channel.closed = true;
        open.delete(topic);
        subscriber?.('CLOSED');
      },
    };
    return channel;
  }
  const client = {
    channel(topic: string) {
      const channel = open.get(topic) ?? newChannel(topic);
      if (!open.has(topic)) {
        open.set(topic, channel);
        channels.push(channel);
      }
      return channel;
    },
    removeChannel: async (channel: Channel) => {
      channel.close();
      return 'ok' as const;
    },
  };
  return { client: client as unknown as RealtimeClient, channels };
}
