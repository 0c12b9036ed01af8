import { parseArgs } from 'node:util';
import pg from 'pg';
import { normalizeMessage } from '../src/lib/normalizers';
import { localProjects } from '../stack/local-layout';
import { buildCallRow } from '../stack/demo/calls';
import { CAMPAIGNS, type TradeCampaign } from '../stack/demo/campaigns';
import {
  buildConversation,
  type ScriptCall,
  type ScriptMessage,
  type SessionStatus,
} from '../stack/demo/conversation';
import { encodeMessage, pickFormat, type MessageFormat } from '../stack/demo/message-shapes';
import { dramaMobiles, formatPhone, phoneDigits, randomName } from '../stack/demo/people';
import { createRng, type Rng } from '../stack/demo/random';
import type { Json } from '../stack/demo/types';

/**
 * `npm run simulate -- [--rate <events/s>] [--duration <s>] [--seed <n>]`: writes new activity into
 * the backend as the agent would, so the live screens move: replies and agent messages, new
 * conversations, calls with transcripts and analysis, status and objective changes. One line per
 * event; stops on Ctrl-C or after --duration. Writes to the local stack's database, or to
 * BACKEND_DATABASE_URL when that is set in the shell (never read from .env files: this writes).
 *
 * Conversations are the demo data's own (stack/demo): scripted by buildConversation, stored in
 * the agent's message shapes by encodeMessage, calls built by buildCallRow, then played out here
 * one step per tick instead of being placed in the past.
 */

const USAGE =
  'Usage: npm run simulate -- [--rate <events per second>] [--duration <seconds>] [--seed <n>]';

type Step =
  | { kind: 'message'; event: ScriptMessage }
  | { kind: 'call'; event: ScriptCall }
  | { kind: 'objective'; key: string; achieved: boolean; value?: Json; source: string }
  | { kind: 'status'; status: SessionStatus };

/** A conversation being played out, one step per tick. */
interface Live {
  sessionId: string;
  phone: string;
  campaign: TradeCampaign;
  first: string;
  format: MessageFormat;
  objectiveStyle: 'boolean' | 'object';
  steps: Step[];
}

/** A session already in the database, with its latest message. */
interface Existing {
  session_id: string;
  phone_number: string | null;
  campaign: string | null;
  status: string;
  objectives: Record<string, Json> | null;
  last: Json;
}

const ACTIVE_CAMPAIGNS = CAMPAIGNS.filter((c) => c.status === 'active');
/** How many conversations play out at once: enough to spread activity over the live list. */
const MAX_LIVE = 12;

function readOptions() {
  const { values } = parseArgs({
    options: {
      rate: { type: 'string', default: '1' },
      duration: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const rate = Number(values.rate);
  const duration = values.duration === undefined ? undefined : Number(values.duration);
  const seed = values.seed === undefined ? Date.now() : Number(values.seed);
  if (!(rate > 0 && rate <= 1000))
    throw new Error(`--rate must be between 0 and 1000, got ${values.rate}`);
  if (duration !== undefined && !(duration > 0))
    throw new Error('--duration must be a positive number of seconds');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  return { rate, duration, seed };
}

/** Which of the agent's shapes a stored message is in, so a session keeps writing in its own. */
function formatOf(message: Json): MessageFormat {
  if (message === null || typeof message !== 'object' || Array.isArray(message)) return 'langchain';
  if ('data' in message && 'type' in message) return 'langchain-data';
  if ('role' in message) return 'role';
  if ('sender' in message) return 'sender';
  return Array.isArray(message.content) ? 'parts' : 'langchain';
}

const oneLine = (text: string, max = 90) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

class Simulator {
  private readonly live: Live[] = [];
  private existing: { at: number; sessions: Existing[] } = { at: 0, sessions: [] };
  readonly counts: Record<string, number> = {};

  constructor(
    private readonly db: pg.Client,
    private readonly rng: Rng,
    private readonly recordingBaseUrl: string,
  ) {}

  private print(kind: string, sessionId: string, detail: string) {
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
    const time = new Date().toLocaleTimeString('en-GB');
    console.log(`${time}  ${kind.padEnd(9)} ${sessionId.padEnd(38)} ${detail}`);
  }

  private async transaction(work: () => Promise<unknown>) {
    await this.db.query('begin');
    try {
      await work();
      await this.db.query('commit');
    } catch (error) {
      await this.db.query('rollback').catch(() => undefined);
      throw error;
    }
  }

  /** Active and waiting sessions not being played out here, refreshed every few seconds. */
  private async existingSessions(): Promise<Existing[]> {
    if (Date.now() - this.existing.at > 5000) {
      const { rows } = await this.db.query<Existing>(
        `select s.session_id, s.phone_number, s.campaign, s.status, s.objectives,
                (select c.message from public.chat_history c where c.session_id = s.session_id
                  order by c.created_at desc, c.id desc limit 1) as last
           from public.sessions s
          where s.status in ('active', 'waiting')
          order by s.updated_at desc nulls last
          limit 150`,
      );
      this.existing = { at: Date.now(), sessions: rows };
    }
    const playing = new Set(this.live.map((l) => l.sessionId));
    return this.existing.sessions.filter((s) => !playing.has(s.session_id));
  }

  /** One event: written, committed and printed. */
  async tick() {
    const existing = await this.existingSessions();
    const kind = this.rng.weighted<string>([
      ['continue', this.live.length > 0 ? 45 : 0],
      ['new', this.live.length < 3 ? 30 : this.live.length < MAX_LIVE ? 10 : 0],
      ['reply', existing.length > 0 && this.live.length < MAX_LIVE ? 18 : 0],
      ['call', existing.length > 0 ? 8 : 0],
      ['status', existing.length > 0 ? 7 : 0],
      ['objective', existing.length > 0 ? 8 : 0],
    ]);
    const session = existing.length > 0 ? this.rng.pick(existing) : undefined;
    if (kind === 'continue') return this.continueLive(this.rng.pick(this.live));
    if (kind === 'new' || !session) return this.newConversation();
    if (kind === 'reply') return this.continueLive(this.reply(session));
    if (kind === 'call') return this.standaloneCall(session);
    if (kind === 'status') return this.statusChange(session);
    return this.objectiveChange(session);
  }

  /** Plays the conversation's next step that writes something. */
  private async continueLive(live: Live) {
    let step: Step | undefined;
    while ((step = live.steps.shift()) && !(await this.play(live, step)));
    const index = this.live.indexOf(live);
    if (live.steps.length === 0 && index >= 0) this.live.splice(index, 1);
    if (!step) return this.newConversation(); // it had nothing left to write
  }

  private async play(live: Live, step: Step): Promise<boolean> {
    const { sessionId } = live;
    switch (step.kind) {
      case 'message': {
        const message = encodeMessage(this.rng, live.format, step.event);
        if (message === undefined) return false; // a shape that stores no such turn
        await this.transaction(async () => {
          await this.db.query(
            'insert into public.chat_history (session_id, message) values ($1, $2::jsonb)',
            [sessionId, JSON.stringify(message)],
          );
          await this.touch(sessionId);
        });
        const { sender, text, toolCall } = step.event;
        const said = toolCall ? `[calls ${toolCall.name}]` : `"${oneLine(text)}"`;
        this.print('message', sessionId, `${sender === 'user' ? 'candidate' : sender}: ${said}`);
        return true;
      }
      case 'call':
        await this.writeCall(live, step.event);
        return true;
      case 'objective': {
        const value: Json =
          live.objectiveStyle === 'object'
            ? { achieved: step.achieved, at: new Date().toISOString(), source: step.source }
            : step.key.startsWith('day_rate') && step.value !== undefined
              ? step.value
              : step.achieved;
        await this.setObjective(sessionId, step.key, value);
        this.print(
          'objective',
          sessionId,
          `${step.key} ${step.achieved ? '✓' : '✗'} (${step.source})`,
        );
        return true;
      }
      case 'status':
        await this.setStatus(sessionId, 'active', step.status);
        return true;
    }
  }

  private touch(sessionId: string) {
    return this.db.query('update public.sessions set updated_at = now() where session_id = $1', [
      sessionId,
    ]);
  }

  private async writeCall(
    live: Pick<Live, 'sessionId' | 'phone' | 'first' | 'campaign'>,
    event: ScriptCall,
  ) {
    const row = buildCallRow(this.rng, event, {
      sessionId: live.sessionId,
      phoneNumber: live.phone,
      // The provider writes the row when the call ends.
      calledAt: new Date(Date.now() - (event.durationSec ?? 0) * 1000).toISOString(),
      recordingBaseUrl: this.recordingBaseUrl,
      first: live.first,
      trade: live.campaign.trade,
    });
    await this.transaction(async () => {
      await this.db.query(
        `insert into public.calls (call_id, session_id, phone_number, called_at, duration, status,
                                   transcript, recording_url, analysis)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)`,
        [
          row.call_id,
          row.session_id,
          row.phone_number,
          row.called_at,
          row.duration,
          row.status,
          row.transcript,
          row.recording_url,
          row.analysis === null ? null : JSON.stringify(row.analysis),
        ],
      );
      await this.touch(live.sessionId);
    });
    const duration = row.duration === null ? 'no duration' : `${row.duration}s`;
    this.print(
      'call',
      live.sessionId,
      `${row.status}, ${duration}, ${row.transcript ? 'transcript' : 'no transcript'}`,
    );
  }

  private async setObjective(sessionId: string, key: string, value: Json) {
    await this.db.query(
      `update public.sessions
          set objectives = coalesce(objectives, '{}'::jsonb) || jsonb_build_object($2::text, $3::jsonb),
              updated_at = now()
        where session_id = $1`,
      [sessionId, key, JSON.stringify(value)],
    );
  }

  private async setStatus(sessionId: string, from: string, to: string) {
    await this.db.query(
      'update public.sessions set status = $2, updated_at = now() where session_id = $1',
      [sessionId, to],
    );
    this.print('status', sessionId, `${from} → ${to}`);
  }

  /** A new candidate: a numbers row and a session, then its script plays out over later ticks. */
  private async newConversation() {
    const rng = this.rng.fork(`new-${Date.now()}-${this.rng.hex(6)}`);
    const campaign = rng.pick(ACTIVE_CAMPAIGNS);
    const name = randomName(rng);
    const inbound = rng.chance(0.15);
    const status = rng.weighted<SessionStatus>([
      ['completed', 40],
      ['active', 25],
      ['waiting', 15],
      ['opted_out', 12],
      ['failed', inbound ? 0 : 8],
    ]);
    const script = buildConversation(rng.fork('conversation'), {
      campaign,
      name,
      status,
      inbound,
      happyPath: rng.chance(0.6),
    });
    // The drama range has 1,000 numbers and a session id is per campaign: find one still free.
    for (let attempt = 0; attempt < 20; attempt++) {
      const phone = dramaMobiles(rng, 1)[0]!;
      const sessionId = inbound
        ? `general_${phoneDigits(phone)}`
        : `${campaign.slug}_${phoneDigits(phone)}`;
      let created = false;
      await this.transaction(async () => {
        const inserted = await this.db.query(
          `insert into public.sessions (session_id, phone_number, campaign, status, objectives)
           values ($1, $2, $3, 'active', '{}') on conflict (session_id) do nothing`,
          [sessionId, phone, inbound && rng.chance(0.4) ? null : campaign.name],
        );
        if (inserted.rowCount === 0) return;
        await this.db.query(
          'insert into public.numbers (phone_number, session_id, campaign) values ($1, $2, $3)',
          [
            formatPhone(phone, rng.pick(['e164', 'e164', 'digits', 'whatsapp'] as const)),
            sessionId,
            campaign.name,
          ],
        );
        created = true;
      });
      if (!created) continue;

      const tracked = new Set(campaign.objectives.map((o) => o.key));
      const achievements = [...script.achievements].filter(([key]) => tracked.has(key));
      const steps: Step[] = [];
      script.events.forEach((event, i) => {
        steps.push(event.kind === 'call' ? { kind: 'call', event } : { kind: 'message', event });
        // Objectives settle after the event during which they were reached.
        const until = script.events[i + 1]?.at ?? Infinity;
        for (const [key, a] of achievements.filter(([, a]) => a.at < until)) {
          steps.push({
            kind: 'objective',
            key,
            achieved: a.achieved,
            value: a.value,
            source: a.source,
          });
          achievements.splice(
            achievements.findIndex(([k]) => k === key),
            1,
          );
        }
      });
      if (status !== 'active') steps.push({ kind: 'status', status });
      this.live.push({
        sessionId,
        phone,
        campaign,
        first: name.first,
        format: pickFormat(rng),
        objectiveStyle: rng.chance(0.5) ? 'boolean' : 'object',
        steps,
      });
      this.print(
        'new',
        sessionId,
        `${name.first} ${name.last}, ${campaign.name}${inbound ? ' (wrote in)' : ''}`,
      );
      return;
    }
    throw new Error('no free session id left for a new conversation');
  }

  /** A few more turns for a session already in the database, answering whoever spoke last. */
  private reply(session: Existing): Live {
    const rng = this.rng.fork(`reply-${session.session_id}-${this.rng.hex(6)}`);
    const campaign =
      CAMPAIGNS.find((c) => c.name === session.campaign) ?? rng.pick(ACTIVE_CAMPAIGNS);
    const name = randomName(rng);
    const script = buildConversation(rng.fork('conversation'), {
      campaign,
      name,
      status: 'completed',
      inbound: false,
      happyPath: true,
    });
    const turns = script.events.filter(
      (e): e is ScriptMessage =>
        e.kind === 'message' && (e.sender === 'user' || e.sender === 'agent') && e.text !== '',
    );
    const wanted = normalizeMessage(session.last).sender === 'user' ? 'agent' : 'user';
    // From the middle of a story, where lines need no introduction.
    const starts = turns.flatMap((t, i) => (i >= 3 && t.sender === wanted ? [i] : []));
    const start = starts.length > 0 ? rng.pick(starts) : 0;
    const live: Live = {
      sessionId: session.session_id,
      phone: session.phone_number ?? '',
      campaign,
      first: name.first,
      format: formatOf(session.last),
      objectiveStyle: 'boolean',
      steps: turns.slice(start, start + rng.int(1, 3)).map((event) => ({ kind: 'message', event })),
    };
    this.live.push(live);
    return live;
  }

  private async standaloneCall(session: Existing) {
    const rng = this.rng.fork(`call-${session.session_id}-${this.rng.hex(6)}`);
    const campaign =
      CAMPAIGNS.find((c) => c.name === session.campaign) ?? rng.pick(ACTIVE_CAMPAIGNS);
    const name = randomName(rng);
    // Not every story has a call; a connected one is the interesting kind.
    let call: ScriptCall | undefined;
    for (let i = 0; i < 10 && call?.status !== 'completed'; i++) {
      const script = buildConversation(rng.fork(i), {
        campaign,
        name,
        status: 'completed',
        inbound: false,
        happyPath: true,
      });
      const calls = script.events.filter((e): e is ScriptCall => e.kind === 'call');
      call = calls.find((c) => c.status === 'completed') ?? call ?? calls[0];
    }
    if (!call) return this.newConversation();
    await this.writeCall(
      {
        sessionId: session.session_id,
        phone: session.phone_number ?? '',
        first: name.first,
        campaign,
      },
      call,
    );
  }

  private async statusChange(session: Existing) {
    const to =
      session.status === 'active'
        ? this.rng.weighted([
            ['waiting', 60],
            ['completed', 40],
          ] as const)
        : this.rng.weighted([
            ['active', 75],
            ['failed', 25],
          ] as const);
    await this.setStatus(session.session_id, session.status, to);
    session.status = to;
  }

  /** The campaign's next objective not yet achieved, in the style the session already uses. */
  private async objectiveChange(session: Existing) {
    const { rows } = await this.db.query<{ objectives: { key: string }[] | null }>(
      'select objectives from public.campaigns where name = $1',
      [session.campaign],
    );
    const current = session.objectives ?? {};
    const achieved = (v: Json | undefined) =>
      v !== undefined &&
      v !== null &&
      v !== false &&
      !(typeof v === 'object' && !Array.isArray(v) && v.achieved === false);
    const next = (rows[0]?.objectives ?? []).find((o) => !achieved(current[o.key]));
    if (!next) return this.statusChange(session);
    const objectStyle = Object.values(current).some(
      (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
    );
    const value: Json = objectStyle
      ? { achieved: true, at: new Date().toISOString(), source: 'chat' }
      : true;
    await this.setObjective(session.session_id, next.key, value);
    current[next.key] = value;
    session.objectives = current;
    this.print('objective', session.session_id, `${next.key} ✓ (chat)`);
  }
}

async function main() {
  let options: ReturnType<typeof readOptions>;
  try {
    options = readOptions();
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  // The local backend: the single stack, or the two-project layout's backend project.
  const local = localProjects().backend;
  const target = process.env.BACKEND_DATABASE_URL?.trim() || local.dbUrl;
  const shown = target.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:•••@');

  const db = new pg.Client({ connectionString: target, application_name: 'outreach_simulate' });
  try {
    await db.connect();
  } catch (error) {
    console.error(
      `Cannot connect to ${shown}: ${(error as Error).message}\n` +
        'Start the local stack first (npm run dev or npm run stack), or set BACKEND_DATABASE_URL.',
    );
    process.exit(1);
  }
  let stopping = false;
  let sleeping: { timer: NodeJS.Timeout; resolve: () => void } | undefined;
  db.on('error', (error) => {
    console.error(`Lost the database connection: ${error.message}`);
    process.exit(1);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      stopping = true;
      if (sleeping) {
        clearTimeout(sleeping.timer);
        sleeping.resolve();
      }
    });

  const simulator = new Simulator(
    db,
    createRng(options.seed),
    `${local.apiUrl}/storage/v1/object/public/recordings`,
  );
  const { rate, duration } = options;
  console.log(
    `Simulating agent activity in ${shown} at ${rate} event${rate === 1 ? '' : 's'}/s` +
      `${duration ? ` for ${duration} s` : ''} (seed ${options.seed}; Ctrl-C to stop).`,
  );
  const started = Date.now();
  let events = 0;
  let failures = 0;
  while (!stopping && (!duration || Date.now() - started < duration * 1000)) {
    try {
      await simulator.tick();
      failures = 0;
    } catch (error) {
      console.error(`error: ${(error as Error).message}`);
      if (++failures >= 5) {
        await db.end().catch(() => undefined);
        process.exit(1);
      }
    }
    events++;
    // Paced from the start, so slow events do not lower the rate.
    const wait = started + (events * 1000) / rate - Date.now();
    const end = duration ? started + duration * 1000 - Date.now() : Infinity;
    if (wait > 0 && !stopping)
      await new Promise<void>((resolve) => {
        sleeping = { timer: setTimeout(resolve, Math.min(wait, Math.max(0, end))), resolve };
      });
  }
  await db.end();
  const summary = Object.entries(simulator.counts)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  console.log(
    `Stopped after ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary || 'nothing written'}.`,
  );
}

main().catch((error: unknown) => {
  console.error(`simulate failed: ${(error as Error).message}`);
  process.exit(1);
});
