import { describe, expect, it } from 'vitest';
import { FrameError, decodeFrame, encodeFrame, parseVsn, push, reply } from './protocol';

describe('Phoenix frames', () => {
  it('reads the serializer version as Phoenix does', () => {
    expect(parseVsn('2.0.0')).toBe('2.0.0');
    expect(parseVsn('1.0.0')).toBe('1.0.0');
    expect(parseVsn(null)).toBe('1.0.0');
    expect(parseVsn('3.0.0')).toBeUndefined();
  });

  it('decodes 2.0.0 arrays and 1.0.0 objects to the same frame', () => {
    const payload = { config: { postgres_changes: [] }, access_token: 't' };
    const v2 = decodeFrame('2.0.0', JSON.stringify(['1', '1', 'realtime:x', 'phx_join', payload]));
    const v1 = decodeFrame(
      '1.0.0',
      JSON.stringify({ join_ref: '1', ref: '1', topic: 'realtime:x', event: 'phx_join', payload }),
    );
    expect(v2).toEqual({ joinRef: '1', ref: '1', topic: 'realtime:x', event: 'phx_join', payload });
    expect(v1).toEqual(v2);
  });

  it('accepts a heartbeat without join_ref, and a null payload as empty', () => {
    expect(decodeFrame('2.0.0', '[null,"5","phoenix","heartbeat",null]')).toEqual({
      joinRef: null,
      ref: '5',
      topic: 'phoenix',
      event: 'heartbeat',
      payload: {},
    });
    expect(decodeFrame('1.0.0', '{"ref":7,"topic":"phoenix","event":"heartbeat"}').ref).toBe(7);
  });

  it.each([
    ['not JSON', '2.0.0', 'hello'],
    ['a 1.0.0 object sent as 2.0.0', '2.0.0', '{"topic":"phoenix","event":"heartbeat"}'],
    ['a short array', '2.0.0', '[null,"1","phoenix","heartbeat"]'],
    ['an array sent as 1.0.0', '1.0.0', '[null,"1","phoenix","heartbeat",{}]'],
    ['an empty topic', '2.0.0', '[null,"1","","heartbeat",{}]'],
    ['a numeric event', '2.0.0', '[null,"1","phoenix",5,{}]'],
    ['an object ref', '2.0.0', '[null,{},"phoenix","heartbeat",{}]'],
    ['an array payload', '2.0.0', '[null,"1","phoenix","heartbeat",[]]'],
    ['a string payload', '1.0.0', '{"topic":"t","event":"e","payload":"x"}'],
  ] as const)('refuses %s', (_, vsn, text) => {
    expect(() => decodeFrame(vsn, text)).toThrow(FrameError);
  });

  it('encodes replies and pushes in each serializer', () => {
    const join = decodeFrame('2.0.0', '["3","4","realtime:x","phx_join",{}]');
    const ok = reply(join, 'ok', { postgres_changes: [] });
    expect(JSON.parse(encodeFrame('2.0.0', ok))).toEqual([
      '3',
      '4',
      'realtime:x',
      'phx_reply',
      { status: 'ok', response: { postgres_changes: [] } },
    ]);
    expect(JSON.parse(encodeFrame('1.0.0', push('realtime:x', '3', 'system', { a: 1 })))).toEqual({
      join_ref: '3',
      ref: null,
      topic: 'realtime:x',
      event: 'system',
      payload: { a: 1 },
    });
  });
});
