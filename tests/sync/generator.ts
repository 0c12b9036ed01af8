import { type Rng, createRng } from '../../stack/demo/random';
import { type Json, Model, type NumberedOp, type Op, type Step, touches } from './model';
import { CAMPAIGN, OTHER_CAMPAIGNS, type World } from './world';

// The seeded generator of agent writes. It draws every operation from its own model of the rows
// (so updates and deletes hit rows that exist) and never from the database, so a seed gives the
// same operations on every run, and the first K operations of a longer run are those of a
// shorter one: `--seed S --operations K` replays a prefix.

const STATUSES = ['active', 'waiting', 'completed', 'opted_out', 'failed'] as const;
const OBJECTIVE_KEYS = [
  'replied',
  'interested',
  'has_qualification',
  'right_to_work',
  'availability_confirmed',
  'interview_booked',
] as const;
const VOCABULARY = (
  'yes no maybe monday tuesday friday site rate day week start london card cscs nvq plumbing ' +
  'boiler job contract interview available thanks great sure tomorrow morning afternoon call ' +
  'ring back later van tools travel croydon stratford hours overtime cash cis paye ok cheers'
).split(' ');
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
// Objective times are fixed instants, not "now": the timeline shows them as dates.
const OBJECTIVE_EPOCH = Date.parse('2026-11-25T09:00:00Z');

/** Words of random letters: values that stay over 2 kB after Postgres compresses them (TOAST). */
function noise(rng: Rng, chars: number): string {
  const words: string[] = [];
  let length = 0;
  while (length < chars) {
    const word = Array.from({ length: rng.int(2, 10) }, () => rng.pick([...LETTERS])).join('');
    words.push(word);
    length += word.length + 1;
  }
  return words.join(' ');
}

function sentence(rng: Rng): string {
  return Array.from({ length: rng.int(3, 14) }, () => rng.pick(VOCABULARY)).join(' ');
}

function transcript(rng: Rng, tag: string): string {
  const lines = [`Agent: Hello, it's the recruitment team calling ${tag}`];
  while (lines.join('\n').length < rng.int(4_500, 7_000))
    lines.push(`${rng.chance(0.5) ? 'Agent' : 'User'}: ${noise(rng, rng.int(40, 300))}`);
  return lines.join('\n');
}

function analysis(rng: Rng, tag: string): Json {
  return {
    call_summary: `${sentence(rng)} ${tag}`,
    user_sentiment: rng.pick(['Positive', 'Neutral', 'Negative']),
    call_successful: rng.chance(0.6),
    custom_analysis_data: {
      day_rate_expectation: rng.int(180, 280),
      notes: noise(rng, rng.int(3_500, 5_000)),
    },
  };
}

export class Generator {
  readonly model: Model;
  private readonly rng: Rng;
  private readonly schedule: Rng;
  private nextOp = 1;
  private nextMessage = 1;
  private nextCall = 1;
  private nextSession = 1;
  private nextNumber = 1;
  private nextCheckpoint: number;

  constructor(readonly world: World) {
    this.model = new Model(world);
    const root = createRng(world.seed);
    this.rng = root.fork('operations');
    this.schedule = root.fork('checkpoints');
    this.nextCheckpoint = this.schedule.int(40, 90);
  }

  /**
   * What exists before the screens open (not counted as operations): the open candidate with a
   * conversation longer than a page (so the chat holds more than one page), a session known only
   * through `numbers`, calls, and a session or two for each other phone.
   */
  setup(): NumberedOp[] {
    const rng = createRng(this.world.seed).fork('setup');
    const ops: Op[] = [];
    const open = this.world.open;
    const withRow = this.newSessionId();
    const viaNumbers = this.newSessionId();
    ops.push(this.sessionInsert(rng, withRow, open.index, open.e164, CAMPAIGN, 'active'));
    ops.push(this.numberInsert(viaNumbers, open.index, open.forms[2]!, CAMPAIGN));
    for (let i = 0; i < 260; i++)
      ops.push(this.chatInsert(rng, i % 3 === 2 ? viaNumbers : withRow, open.index));
    ops.push(this.callInsert(rng, withRow, open.index, 'completed'));
    ops.push(this.callInsert(rng, viaNumbers, open.index, 'completed'));
    for (const phone of this.world.phones.slice(1)) {
      const id = this.newSessionId();
      const campaign = rng.chance(0.7) ? CAMPAIGN : rng.pick(OTHER_CAMPAIGNS);
      ops.push(this.sessionInsert(rng, id, phone.index, rng.pick(phone.forms), campaign, 'active'));
      for (let i = 0; i < 5; i++) ops.push(this.chatInsert(rng, id, phone.index));
    }
    return ops.map((op) => this.number(op, 0));
  }

  /** Whether a checkpoint is due after `applied` operations (the schedule depends on the seed only). */
  checkpointDue(applied: number): boolean {
    if (applied < this.nextCheckpoint) return false;
    while (this.nextCheckpoint <= applied) this.nextCheckpoint += this.schedule.int(50, 110);
    return true;
  }

  /**
   * The next step: one statement, or a burst of several in one transaction; then maybe a pause.
   * At most `max` operations (the run's last step is cut short, its draws unchanged).
   */
  step(max = Infinity): Step {
    const rng = this.rng;
    const burst = rng.chance(0.25);
    const count = Math.min(burst ? rng.int(2, 8) : 1, max);
    const ops: NumberedOp[] = [];
    for (let i = 0; i < count; i++) ops.push(this.number(this.operation(rng), this.nextOp++));
    const pause = rng.weighted([
      ['none', 60],
      ['short', 30],
      ['long', 10],
    ] as const);
    return {
      ops,
      transaction: burst,
      pauseAfterMs:
        pause === 'none' ? 0 : pause === 'short' ? rng.int(10, 150) : rng.int(300, 1200),
    };
  }

  private number(op: Op, n: number): NumberedOp {
    const numbered = { n, op, touches: touches(op, this.model) };
    this.model.apply(op);
    return numbered;
  }

  private operation(rng: Rng): Op {
    const m = this.model;
    const sessionsWithRow = [...m.sessions.values()].filter((s) => s.row);
    const kinds: [string, number][] = [
      ['chat.insert', 30],
      ['chat.update', m.messages.size ? 6 : 0],
      ['chat.delete', m.messages.size ? 7 : 0],
      ['call.insert', 8],
      ['call.update', m.calls.size ? 16 : 0],
      ['call.delete', m.calls.size ? 3 : 0],
      ['session.insert', 5],
      ['session.update', sessionsWithRow.length ? 9 : 0],
      ['session.delete', sessionsWithRow.length ? 2 : 0],
      ['number.insert', 6],
      ['number.delete', m.numbers.size ? 2 : 0],
    ];
    switch (rng.weighted(kinds)) {
      case 'chat.insert': {
        if (rng.chance(0.08)) {
          // The agent writes the chat first: a session no table links to any phone yet.
          return this.chatInsert(rng, this.newSessionId(), this.pickPhone(rng));
        }
        const session = this.pickSession(rng);
        return this.chatInsert(rng, session.id, session.phone);
      }
      case 'chat.update': {
        const handle = rng.pick([...m.messages.keys()]);
        return { kind: 'chat.update', handle, message: this.message(rng, handle, true) };
      }
      case 'chat.delete':
        return { kind: 'chat.delete', handle: rng.pick([...m.messages.keys()]) };
      case 'call.insert': {
        const session = this.pickSession(rng);
        const status = rng.weighted([
          ['in-progress', 5],
          ['completed', 3],
          ['no-answer', 1],
        ] as const);
        return this.callInsert(rng, session.id, session.phone, status);
      }
      case 'call.update':
        return this.callUpdate(rng, rng.pick([...m.calls.keys()]));
      case 'call.delete':
        return { kind: 'call.delete', callId: rng.pick([...m.calls.keys()]) };
      case 'session.insert': {
        const rowless = [...m.sessions.values()].filter((s) => !s.row);
        if (rowless.length && rng.chance(0.4)) {
          const session = rng.pick(rowless);
          const phone = this.world.phones[session.phone]!;
          return this.sessionInsert(rng, session.id, session.phone, rng.pick(phone.forms));
        }
        const phone = this.world.phones[this.pickPhone(rng)]!;
        return this.sessionInsert(rng, this.newSessionId(), phone.index, rng.pick(phone.forms));
      }
      case 'session.update': {
        const session = rng.pick(sessionsWithRow);
        const set: Extract<Op, { kind: 'session.update' }>['set'] = {};
        const what = rng.weighted([
          ['status', 5],
          ['objectives', 3],
          ['both', 2],
        ] as const);
        if (what !== 'objectives') set.status = rng.pick(STATUSES);
        if (what !== 'status') set.objectives = this.objectives(rng);
        return { kind: 'session.update', session: session.id, set };
      }
      case 'session.delete':
        return { kind: 'session.delete', session: rng.pick(sessionsWithRow).id };
      case 'number.insert': {
        const unlinked = [...m.sessions.values()].filter((s) => !m.isLinked(s));
        const roll = rng.next();
        if (unlinked.length && roll < 0.4) {
          // A session the open dialog never heard of becomes the candidate's.
          const session = rng.pick(unlinked);
          const phone = this.world.phones[session.phone]!;
          return this.numberInsert(session.id, session.phone, rng.pick(phone.forms), CAMPAIGN);
        }
        const linked = [...m.sessions.values()].filter((s) => m.isLinked(s));
        if (linked.length && roll > 0.8) {
          const session = rng.pick(linked);
          const phone = this.world.phones[session.phone]!;
          return this.numberInsert(session.id, session.phone, rng.pick(phone.forms), CAMPAIGN);
        }
        const phone = this.world.phones[this.pickPhone(rng)]!;
        return this.numberInsert(this.newSessionId(), phone.index, rng.pick(phone.forms), CAMPAIGN);
      }
      case 'number.delete':
        return { kind: 'number.delete', handle: rng.pick([...m.numbers.keys()]) };
    }
    throw new Error('unreachable');
  }

  /** The open candidate's phone half the time. */
  private pickPhone(rng: Rng): number {
    return rng.chance(0.5) ? this.world.open.index : rng.int(1, this.world.phones.length - 1);
  }

  /** Any session, the open candidate's three times as likely. */
  private pickSession(rng: Rng) {
    const all = [...this.model.sessions.values()];
    return rng.weighted(all.map((s) => [s, s.phone === this.world.open.index ? 3 : 1] as const));
  }

  private newSessionId(): string {
    return `${this.world.prefix}s${this.nextSession++}`;
  }

  private chatInsert(rng: Rng, session: string, phone: number): Op {
    const handle = this.nextMessage++;
    return { kind: 'chat.insert', handle, session, phone, message: this.message(rng, handle) };
  }

  /** A message in one of the shapes of fixtures/messages.json, tagged with its row. */
  private message(rng: Rng, handle: number, edited = false): Json {
    const tag = `«msg:${handle}${edited ? ` r${rng.int(2, 99)}` : ''}»`;
    // A few are long enough to be stored out of line.
    const text = `${rng.chance(0.04) ? noise(rng, rng.int(4_000, 6_000)) : sentence(rng)} ${tag}`;
    switch (rng.int(0, 5)) {
      case 0:
        return { type: 'human', content: text, additional_kwargs: {}, response_metadata: {} };
      case 1:
        return {
          type: 'ai',
          content: text,
          tool_calls: [],
          additional_kwargs: {},
          response_metadata: {},
          invalid_tool_calls: [],
        };
      case 2:
        return { role: rng.pick(['user', 'assistant']), content: text };
      case 3:
        return { sender: rng.pick(['user', 'agent']), text };
      case 4:
        return {
          type: 'ai',
          content: [
            { type: 'text', text: sentence(rng) },
            { type: 'text', text },
          ],
        };
      default:
        return { type: 'human', content: text };
    }
  }

  private callInsert(
    rng: Rng,
    session: string,
    phone: number,
    status: 'in-progress' | 'completed' | 'no-answer',
  ): Op {
    const callId = `${this.world.prefix}c${this.nextCall++}`;
    const tag = `«call:${callId}»`;
    const done = status === 'completed';
    return {
      kind: 'call.insert',
      phone,
      call: {
        callId,
        session,
        phoneForm: rng.pick(this.world.phones[phone]!.forms),
        calledAgoSeconds: rng.int(0, 3_600),
        duration: done ? rng.int(20, 900) : null,
        status,
        transcript: done || rng.chance(0.2) ? transcript(rng, tag) : null,
        recordingUrl:
          done && rng.chance(0.3) ? `https://recordings.example.com/${callId}.wav` : null,
        analysis: done || status === 'no-answer' ? analysis(rng, tag) : null,
      },
    };
  }

  private callUpdate(rng: Rng, callId: string): Op {
    const tag = `«call:${callId}»`;
    switch (
      rng.weighted([
        ['recording', 6],
        ['status', 4],
        ['transcript', 4],
        ['duration', 2],
      ] as const)
    ) {
      // Only the recording (and maybe the status): realtime leaves out the unchanged transcript.
      case 'recording':
        return {
          kind: 'call.update',
          callId,
          set: {
            recordingUrl: `https://recordings.example.com/${callId}-${rng.hex(6)}.wav`,
            ...(rng.chance(0.5) && { status: 'completed' }),
          },
        };
      case 'status':
        return {
          kind: 'call.update',
          callId,
          set: { status: rng.pick(['in-progress', 'completed', 'no-answer', 'failed']) },
        };
      case 'transcript':
        return {
          kind: 'call.update',
          callId,
          set: {
            transcript: transcript(rng, tag),
            analysis: analysis(rng, tag),
            status: 'completed',
            duration: rng.int(20, 900),
          },
        };
      case 'duration':
        return { kind: 'call.update', callId, set: { duration: rng.int(1, 900) } };
    }
  }

  private sessionInsert(
    rng: Rng,
    session: string,
    phone: number,
    phoneForm: string,
    campaign: string | null = rng.chance(0.7) ? CAMPAIGN : rng.pick(OTHER_CAMPAIGNS),
    status: string = rng.pick(['active', 'waiting']),
  ): Op {
    return {
      kind: 'session.insert',
      session,
      phone,
      row: { phoneForm, campaign, status, objectives: rng.chance(0.5) ? {} : this.objectives(rng) },
    };
  }

  private numberInsert(session: string, phone: number, phoneForm: string, campaign: string): Op {
    return {
      kind: 'number.insert',
      phone,
      row: { handle: this.nextNumber++, session, phoneForm, campaign },
    };
  }

  /** Objectives in every form DESIGN §4 allows: booleans, strings, numbers, {achieved, at, source}. */
  private objectives(rng: Rng): Json {
    const objectives: Record<string, Json> = {};
    for (const key of OBJECTIVE_KEYS) {
      if (!rng.chance(0.5)) continue;
      objectives[key] = rng.pick<Json>([
        true,
        false,
        'yes',
        1,
        {
          achieved: rng.chance(0.8),
          at: new Date(OBJECTIVE_EPOCH + rng.int(0, 7 * 24 * 60) * 60_000).toISOString(),
          source: rng.pick(['agent', 'call']),
        },
      ]);
    }
    return objectives;
  }
}
