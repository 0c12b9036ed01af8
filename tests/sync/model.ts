import type { World } from './world';

// The model: what the generator believes the four agent tables hold (for this run's rows), kept
// by applying the same operations the applier writes. The generator draws from it (only rows that
// exist are updated or deleted), and the checks predict from it what a fresh load must show.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Rows are named by handles the generator gives them; the database's ids are learnt on insert. */
export interface MessageRow {
  handle: number;
  session: string;
  message: Json;
  /** What the app must show for it (fixtures/messages.json's rules). */
  sender: 'user' | 'agent';
  text: string;
}

export interface CallRow {
  callId: string;
  session: string;
  phoneForm: string;
  calledAgoSeconds: number;
  duration: number | null;
  status: string | null;
  transcript: string | null;
  recordingUrl: string | null;
  analysis: Json;
}

export interface SessionRow {
  phoneForm: string;
  campaign: string | null;
  status: string;
  objectives: Json;
}

export interface NumberRow {
  handle: number;
  session: string;
  phoneForm: string;
  campaign: string | null;
}

export interface Session {
  id: string;
  /** The phone (World.phones index) every row of this session is stored under, in some form. */
  phone: number;
  /** Its `sessions` row, or null while the session is known only through `numbers` (or not at all). */
  row: SessionRow | null;
}

export type Op =
  | { kind: 'chat.insert'; handle: number; session: string; phone: number; message: Json }
  | { kind: 'chat.update'; handle: number; message: Json }
  | { kind: 'chat.delete'; handle: number }
  | { kind: 'call.insert'; phone: number; call: CallRow }
  | {
      kind: 'call.update';
      callId: string;
      set: Partial<
        Pick<CallRow, 'duration' | 'status' | 'transcript' | 'recordingUrl' | 'analysis'>
      >;
    }
  | { kind: 'call.delete'; callId: string }
  | { kind: 'session.insert'; session: string; phone: number; row: SessionRow }
  | {
      kind: 'session.update';
      session: string;
      set: Partial<Pick<SessionRow, 'status' | 'objectives'>>;
    }
  | { kind: 'session.delete'; session: string }
  | { kind: 'number.insert'; phone: number; row: NumberRow }
  | { kind: 'number.delete'; handle: number };

/** One numbered operation, and what it touches (for naming the first divergent one). */
export interface NumberedOp {
  /** 1-based, in the order applied. */
  n: number;
  op: Op;
  /** The rows it touches (see `touches`), worked out before it was applied. */
  touches: string[];
}

/** Operations applied together: one transaction (a burst) or one statement, then a pause. */
export interface Step {
  ops: NumberedOp[];
  transaction: boolean;
  pauseAfterMs: number;
}

export class Model {
  readonly sessions = new Map<string, Session>();
  readonly messages = new Map<number, MessageRow>();
  readonly calls = new Map<string, CallRow>();
  readonly numbers = new Map<number, NumberRow>();

  constructor(readonly world: World) {}

  apply(op: Op): void {
    switch (op.kind) {
      case 'chat.insert': {
        this.session(op.session, op.phone);
        const { sender, text } = expectedMessage(op.message);
        this.messages.set(op.handle, {
          handle: op.handle,
          session: op.session,
          message: op.message,
          sender,
          text,
        });
        return;
      }
      case 'chat.update': {
        const row = this.messages.get(op.handle)!;
        this.messages.set(op.handle, {
          ...row,
          message: op.message,
          ...expectedMessage(op.message),
        });
        return;
      }
      case 'chat.delete':
        this.messages.delete(op.handle);
        return;
      case 'call.insert':
        this.session(op.call.session, op.phone);
        this.calls.set(op.call.callId, op.call);
        return;
      case 'call.update':
        this.calls.set(op.callId, { ...this.calls.get(op.callId)!, ...op.set });
        return;
      case 'call.delete':
        this.calls.delete(op.callId);
        return;
      case 'session.insert':
        this.session(op.session, op.phone).row = op.row;
        return;
      case 'session.update': {
        const session = this.sessions.get(op.session)!;
        session.row = { ...session.row!, ...op.set };
        return;
      }
      case 'session.delete':
        this.sessions.get(op.session)!.row = null;
        return;
      case 'number.insert':
        this.session(op.row.session, op.phone);
        this.numbers.set(op.row.handle, op.row);
        return;
      case 'number.delete':
        this.numbers.delete(op.handle);
        return;
    }
  }

  private session(id: string, phone: number): Session {
    let session = this.sessions.get(id);
    if (!session) {
      session = { id, phone, row: null };
      this.sessions.set(id, session);
    }
    return session;
  }

  numbersOf(session: string): NumberRow[] {
    return [...this.numbers.values()].filter((n) => n.session === session);
  }

  /** Whether a lookup by the session's phone finds it: a `sessions` row or a `numbers` row. */
  isLinked(session: Session): boolean {
    return session.row !== null || this.numbersOf(session.id).length > 0;
  }

  /** The sessions a lookup by this phone (any form) must find. */
  linkedSessions(phone: number): Session[] {
    return [...this.sessions.values()].filter((s) => s.phone === phone && this.isLinked(s));
  }

  messagesOf(sessionIds: ReadonlySet<string>): MessageRow[] {
    return [...this.messages.values()].filter((m) => sessionIds.has(m.session));
  }

  callsOf(sessionIds: ReadonlySet<string>): CallRow[] {
    return [...this.calls.values()].filter((c) => sessionIds.has(c.session));
  }
}

/** Sender and text of a message JSONB as fixtures/messages.json says the app must show them. */
export function expectedMessage(message: Json): { sender: 'user' | 'agent'; text: string } {
  const m = message as Record<string, Json>;
  if ('sender' in m)
    return { sender: m.sender === 'agent' ? 'agent' : 'user', text: String(m.text) };
  if ('role' in m) return { sender: m.role === 'user' ? 'user' : 'agent', text: String(m.content) };
  const content = m.content;
  const text = Array.isArray(content)
    ? content.map((part) => String((part as Record<string, Json>).text)).join('\n')
    : String(content);
  return { sender: m.type === 'human' ? 'user' : 'agent', text };
}

/** The row keys an operation touches: `msg:<handle>`, `call:<id>`, `session:<id>`, `phone:<i>`. */
export function touches(op: Op, model: Model): string[] {
  const sessionKeys = (id: string) => {
    const session = model.sessions.get(id);
    return [`session:${id}`, ...(session ? [`phone:${session.phone}`] : [])];
  };
  switch (op.kind) {
    case 'chat.insert':
      return [`msg:${op.handle}`, ...sessionKeys(op.session)];
    case 'chat.update':
    case 'chat.delete': {
      const row = model.messages.get(op.handle);
      return [`msg:${op.handle}`, ...(row ? sessionKeys(row.session) : [])];
    }
    case 'call.insert':
      return [`call:${op.call.callId}`, ...sessionKeys(op.call.session)];
    case 'call.update':
    case 'call.delete': {
      const row = model.calls.get(op.callId);
      return [`call:${op.callId}`, ...(row ? sessionKeys(row.session) : [])];
    }
    case 'session.insert':
    case 'session.update':
    case 'session.delete':
      return sessionKeys(op.session);
    case 'number.insert':
      return [`number:${op.row.handle}`, ...sessionKeys(op.row.session)];
    case 'number.delete': {
      const row = model.numbers.get(op.handle);
      return [`number:${op.handle}`, ...(row ? sessionKeys(row.session) : [])];
    }
  }
}

/** One line naming an operation, without its large values. */
export function describeOp({ n, op }: NumberedOp): string {
  const fields = (() => {
    switch (op.kind) {
      case 'chat.insert':
        return `m${op.handle} in ${op.session}`;
      case 'chat.update':
      case 'chat.delete':
        return `m${op.handle}`;
      case 'call.insert': {
        const { callId, session, status, transcript, analysis } = op.call;
        return `${callId} in ${session} status=${status} transcript=${transcript ? `${transcript.length} chars` : 'null'} analysis=${analysis === null ? 'null' : 'set'}`;
      }
      case 'call.update':
        return `${op.callId} set ${Object.keys(op.set).join(', ')}`;
      case 'call.delete':
        return op.callId;
      case 'session.insert':
        return `${op.session} phone=${JSON.stringify(op.row.phoneForm)} campaign=${op.row.campaign} status=${op.row.status}`;
      case 'session.update':
        return `${op.session} set ${Object.keys(op.set).join(', ')}`;
      case 'session.delete':
        return op.session;
      case 'number.insert':
        return `n${op.row.handle} ${op.row.session} phone=${JSON.stringify(op.row.phoneForm)}`;
      case 'number.delete':
        return `n${op.handle}`;
    }
  })();
  return `#${n} ${op.kind} ${fields}`;
}
