// Phoenix channel frames as realtime-js (and @supabase/phoenix) send them. The socket's `vsn` query
// parameter picks the serializer: 2.0.0, realtime-js's default, sends JSON arrays
// `[join_ref, ref, topic, event, payload]`; 1.0.0 sends JSON objects with the same fields.
// Binary frames exist in 2.0.0 only for user broadcast, which the local stack does not offer.

export type Vsn = '1.0.0' | '2.0.0';

/** Refs are strings from realtime-js; other Phoenix clients use numbers. Echoed back as sent. */
export type Ref = string | number | null;

export interface Frame {
  joinRef: Ref;
  ref: Ref;
  topic: string;
  event: string;
  payload: Record<string, unknown>;
}

/** A frame that cannot be read; the server closes the socket, as a Phoenix server would. */
export class FrameError extends Error {}

export const PHOENIX_TOPIC = 'phoenix';

/** Phoenix reads a missing `vsn` as 1.0.0; anything else it does not know is refused. */
export function parseVsn(value: string | null): Vsn | undefined {
  if (value === null || value === '' || value === '1.0.0') return '1.0.0';
  if (value === '2.0.0') return '2.0.0';
  return undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRef(value: unknown): value is Ref {
  return value === null || typeof value === 'string' || typeof value === 'number';
}

export function decodeFrame(vsn: Vsn, text: string): Frame {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new FrameError('frame is not JSON');
  }
  let fields: unknown[];
  if (vsn === '2.0.0') {
    if (!Array.isArray(data) || data.length !== 5)
      throw new FrameError('expected [join_ref, ref, topic, event, payload]');
    fields = data;
  } else {
    if (!isPlainObject(data))
      throw new FrameError('expected {join_ref, ref, topic, event, payload}');
    fields = [data.join_ref ?? null, data.ref ?? null, data.topic, data.event, data.payload];
  }
  const [joinRef, ref, topic, event, payload] = fields;
  if (!isRef(joinRef) || !isRef(ref)) throw new FrameError('join_ref and ref must be strings');
  if (typeof topic !== 'string' || topic === '') throw new FrameError('topic must be a string');
  if (typeof event !== 'string' || event === '') throw new FrameError('event must be a string');
  if (payload !== null && payload !== undefined && !isPlainObject(payload))
    throw new FrameError('payload must be an object');
  return { joinRef, ref, topic, event, payload: payload ?? {} };
}

export function encodeFrame(vsn: Vsn, frame: Frame): string {
  const { joinRef, ref, topic, event, payload } = frame;
  return JSON.stringify(
    vsn === '2.0.0'
      ? [joinRef, ref, topic, event, payload]
      : { join_ref: joinRef, ref, topic, event, payload },
  );
}

/** The answer to a client's push: same refs and topic, `phx_reply` with a status. */
export function reply(to: Frame, status: 'ok' | 'error', response: object = {}): Frame {
  return {
    joinRef: to.joinRef,
    ref: to.ref,
    topic: to.topic,
    event: 'phx_reply',
    payload: { status, response },
  };
}

/** A message the server starts on a joined channel; the join ref lets the client drop stale ones. */
export function push(
  topic: string,
  joinRef: Ref,
  event: string,
  payload: Record<string, unknown>,
): Frame {
  return { joinRef, ref: null, topic, event, payload };
}
