import type { TradeCampaign } from './campaigns';
import { AGENCY, AGENT_NAME, CALL_LINES, LINES, SYSTEM_PROMPT, fill, type Vars } from './lines';
import type { PersonName } from './people';
import type { Rng } from './random';
import type { CallStatus, Json } from './types';

// One session's story as relative events (ms since it began): who said what, which calls were
// placed, and when each objective was settled. Placing it in time and choosing storage shapes
// happen later, so this module is only about how a recruiting conversation goes.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export type SessionStatus =
  | 'active'
  | 'waiting'
  | 'completed'
  | 'opted_out'
  | 'failed'
  | 'escalated'
  | 'human_takeover'
  | 'paused';

export type Sender = 'user' | 'agent' | 'system' | 'tool';

export interface ScriptMessage {
  kind: 'message';
  at: number;
  sender: Sender;
  text: string;
  /** An agent turn that only calls a tool (its text is empty). */
  toolCall?: { id: string; name: string; args: { [key: string]: Json } };
  /** A tool's result answers this call id. */
  toolCallId?: string;
  toolName?: string;
}

export interface Turn {
  speaker: 'agent' | 'user';
  text: string;
}

/** What a connected call established, for the provider's analysis. */
export interface CallFacts {
  purpose: 'first-contact' | 'screening' | 'chase' | 'reminder' | 'confirmation' | 'callback';
  answers: { [objectiveKey: string]: Json };
}

export interface ScriptCall {
  kind: 'call';
  at: number;
  status: CallStatus;
  durationSec: number | null;
  turns: Turn[];
  facts: CallFacts;
}

export type ScriptEvent = ScriptMessage | ScriptCall;

export interface Achievement {
  at: number;
  source: 'chat' | 'call';
  achieved: boolean;
  /** What the candidate said, when it is more than yes/no: a start day, a day rate. */
  value?: Json;
}

export interface Script {
  events: ScriptEvent[];
  achievements: Map<string, Achievement>;
  booked: boolean;
  /** Heard back after the interview that they start; a confirmation call means placed. */
  starting: boolean;
  startConfirmed: boolean;
  /** The candidate spoke last, so the agent is about to answer: only plausible minutes ago. */
  endsWithUser: boolean;
}

export interface ConversationInput {
  campaign: TradeCampaign;
  name: PersonName;
  status: SessionStatus;
  /** The candidate wrote first (general_ sessions from an advert). */
  inbound: boolean;
  /** No decline or missing qualification: a completed session ends with a booking. */
  happyPath?: boolean;
}

interface Step {
  key: string;
  ask: readonly string[];
  yes: readonly string[];
  no: readonly string[];
  /** How often the answer is "no" when a "no" does not end the conversation. */
  noRate: number;
}

/** The campaign's questions in its objectives' order; the interview is handled separately. */
function stepsFor(campaign: TradeCampaign): Step[] {
  const steps: Step[] = [{ key: 'has_qualification', noRate: 0.1, ...campaign.qualification }];
  if (campaign.extra) steps.push({ noRate: 0.15, ...campaign.extra });
  if (campaign.objectives.some((o) => o.key === 'right_to_work')) {
    steps.push({
      key: 'right_to_work',
      ask: LINES.rightToWorkAsk,
      yes: LINES.rightToWorkYes,
      no: LINES.rightToWorkNo,
      noRate: 0.04,
    });
  }
  // Every campaign talks money; only some track it as an objective (others keep the number).
  const rateKey = campaign.objectives.some((o) => o.key === 'day_rate_agreed')
    ? 'day_rate_agreed'
    : 'day_rate';
  steps.push({
    key: rateKey,
    ask: LINES.dayRateAsk,
    yes: LINES.dayRateYes,
    no: LINES.dayRateCounter,
    noRate: 0.3,
  });
  steps.push({
    key: 'availability_confirmed',
    ask: LINES.availabilityAsk,
    yes: LINES.availabilityYes,
    no: [],
    noRate: 0,
  });
  return steps;
}

/** How long a candidate takes to answer on WhatsApp: often minutes, sometimes the next day. */
function replyGap(rng: Rng): number {
  return rng.weighted<() => number>([
    [() => rng.int(20_000, 10 * MINUTE), 35],
    [() => rng.int(10 * MINUTE, 90 * MINUTE), 30],
    [() => rng.int(90 * MINUTE, 8 * HOUR), 22],
    [() => rng.int(8 * HOUR, 30 * HOUR), 13],
  ])();
}

class ScriptBuilder {
  t = 0;
  readonly events: ScriptEvent[] = [];
  readonly achievements = new Map<string, Achievement>();
  private readonly chatty: boolean;
  private readonly casual: boolean;

  /** Questions this candidate has not asked yet: nobody asks about parking twice. */
  private readonly questions: (readonly [string, string])[];

  constructor(
    readonly rng: Rng,
    readonly vars: Vars,
  ) {
    this.chatty = rng.chance(0.35);
    this.casual = rng.chance(0.4);
    this.questions = rng.shuffle(LINES.questions);
  }

  nextQuestion(): readonly [string, string] | undefined {
    return this.questions.pop();
  }

  /** Chatty candidates add a detail nobody asked for. */
  aside() {
    if (this.chatty && this.rng.chance(0.5)) this.user(LINES.aside, this.rng.int(5_000, 45_000));
  }

  private push(sender: Sender, text: string, delay: number, extra: Partial<ScriptMessage> = {}) {
    this.t += Math.max(1000, Math.round(delay));
    this.events.push({ kind: 'message', at: this.t, sender, text, ...extra });
  }

  /** The agent answers within seconds of whatever came before. */
  agent(templates: readonly string[], delay = this.rng.int(4_000, 45_000)) {
    this.push('agent', fill(this.rng.pick(templates), this.vars), delay);
  }

  /** The candidate answers after a human delay, sometimes apologising or in two messages. */
  user(templates: readonly string[], gap = replyGap(this.rng)) {
    let text = fill(this.rng.pick(templates), this.vars);
    // Casual typists skip capitals and full stops (but "STOP" stays shouted).
    if (this.casual && !/^[A-Z]{2}/.test(text))
      text = text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');
    if (this.chatty && gap > 2 * HOUR && this.rng.chance(0.5)) {
      this.push(
        'user',
        this.rng.pick(['Sorry just seen this', 'sorry was on site', 'Hi sorry been busy']),
        gap,
      );
      gap = this.rng.int(5_000, 40_000);
    }
    this.push('user', text, gap);
    if (this.chatty && this.rng.chance(0.15))
      this.push('user', this.rng.pick(['👍', 'ta', 'Cheers']), this.rng.int(3_000, 20_000));
  }

  system(text: string) {
    this.push('system', fill(text, this.vars), 0);
  }

  tool(id: string, name: string, args: { [key: string]: Json }, result: Json) {
    this.push('agent', '', this.rng.int(3_000, 15_000), { toolCall: { id, name, args } });
    this.push('tool', JSON.stringify(result), this.rng.int(300, 2_000), {
      toolCallId: id,
      toolName: name,
    });
  }

  /** A call nobody picked up; on voicemail the agent leaves a message. */
  missedCall(status: CallStatus, purpose: CallFacts['purpose'], delay: number) {
    const turns: Turn[] =
      status === 'voicemail' ? [{ speaker: 'agent', text: this.line(CALL_LINES.voicemail) }] : [];
    this.call(status, purpose, turns, {}, delay);
  }

  call(
    status: CallStatus,
    purpose: CallFacts['purpose'],
    turns: Turn[],
    answers: CallFacts['answers'],
    delay: number,
  ) {
    this.t += Math.round(delay);
    const connected = status === 'completed' || status === 'voicemail';
    const durationSec = connected
      ? Math.max(
          12,
          turns.reduce((sum, turn) => sum + 2 + Math.ceil(turn.text.length / 14), 0) +
            this.rng.int(-5, 25),
        )
      : status === 'busy' && this.rng.chance(0.4)
        ? 0
        : null;
    this.events.push({
      kind: 'call',
      at: this.t,
      status,
      durationSec,
      turns,
      facts: { purpose, answers },
    });
    this.t += (durationSec ?? 30) * 1000;
  }

  achieve(key: string, source: Achievement['source'], achieved = true, value?: Json) {
    this.achievements.set(key, {
      at: this.t,
      source,
      achieved,
      ...(value === undefined ? {} : { value }),
    });
  }

  line(templates: readonly string[]): string {
    return fill(this.rng.pick(templates), this.vars);
  }
}

/** The agent's opening: a missed call first sometimes, then the intro message. */
function openOutbound(b: ScriptBuilder, failing: boolean) {
  const { rng } = b;
  if (rng.chance(failing ? 0.6 : 0.45)) {
    const status = failing
      ? rng.weighted<CallStatus>([
          ['failed', 3],
          ['no-answer', 4],
          ['busy', 2],
        ])
      : rng.weighted<CallStatus>([
          ['no-answer', 5],
          ['voicemail', 3],
          ['busy', 2],
        ]);
    b.missedCall(status, 'first-contact', 0);
    if (failing && rng.chance(0.2)) return; // nothing ever got through
    b.agent(LINES.introAfterMissedCall, rng.int(MINUTE, 4 * MINUTE));
  } else {
    b.agent(LINES.intro, 0);
  }
  if (rng.chance(0.3)) b.agent(LINES.introPs, rng.int(3_000, 20_000));
}

/** Agent nudges nobody answers: the next day or so, sometimes a call too; the last says so. */
function chase(
  b: ScriptBuilder,
  nudges: number,
  callChance: number,
  lines: readonly string[] = LINES.followUp,
) {
  for (let i = 0; i < nudges; i++) {
    const followUp = lines[i === nudges - 1 && nudges > 1 ? lines.length - 1 : i] ?? '';
    if (b.rng.chance(callChance)) {
      const status = b.rng.weighted<CallStatus>([
        ['no-answer', 5],
        ['voicemail', 3],
        ['busy', 1],
        ['failed', 1],
      ]);
      b.missedCall(status, 'chase', b.rng.int(18 * HOUR, 30 * HOUR));
    }
    b.agent([followUp], b.rng.int(18 * HOUR, 30 * HOUR));
  }
}

function answerStep(b: ScriptBuilder, step: Step, forceNo: boolean) {
  const no = forceNo || (step.no.length > 0 && b.rng.chance(step.noRate));
  const text = b.line(no ? step.no : step.yes);
  if (step.key.startsWith('day_rate')) {
    // A counter-offer is a negotiation, not a refusal: the rate lands where they met.
    const rate = Number(no ? b.vars.rateUp : b.vars.rate);
    return { text, achieved: true, value: rate as Json, no, counter: no };
  }
  const value = step.key === 'availability_confirmed' ? (b.vars.start as string) : undefined;
  return { text, achieved: !no, value, no, counter: false };
}

/** One question and answer over WhatsApp. Returns false when a "no" ends the conversation. */
function chatStep(b: ScriptBuilder, step: Step, endIfNo: boolean, first: boolean): boolean {
  // Between questions the agent often acknowledges the last answer in a message of its own.
  const acked = !first && b.rng.chance(0.5);
  if (acked) b.agent(LINES.ack);
  b.agent(step.ask, acked ? b.rng.int(2_000, 9_000) : undefined);
  const answer = answerStep(b, step, endIfNo);
  b.user([answer.text]);
  b.achieve(step.key, 'chat', answer.achieved, answer.value);
  if (first) b.aside();
  if (answer.counter) b.agent(LINES.dayRateCounterAck);
  else if (answer.no && step.key === 'right_to_work') b.agent(LINES.rightToWorkNoAck);
  if (answer.no && endIfNo) {
    b.agent(LINES.notSuitable);
    b.user(LINES.notSuitableReply);
    return false;
  }
  // Candidates ask their own questions along the way, sometimes a couple.
  for (let asked = 0; asked < 2 && b.rng.chance(0.5); asked++) {
    const next = b.nextQuestion();
    if (!next) break;
    const [question, reply] = next;
    b.user([question], b.rng.int(5_000, 60_000));
    b.agent([reply]);
    if (b.rng.chance(0.4)) b.user(LINES.okay, b.rng.int(20_000, 20 * MINUTE));
  }
  return true;
}

/** The agent offers a call and covers several questions on it; a missed call falls back to chat. */
function screeningCall(b: ScriptBuilder, steps: Step[]): boolean {
  b.agent(LINES.callOffer);
  b.user(LINES.callOfferYes);
  const status = b.rng.weighted<CallStatus>([
    ['completed', 72],
    ['no-answer', 14],
    ['voicemail', 8],
    ['busy', 6],
  ]);
  const delay = b.rng.int(2 * MINUTE, 12 * MINUTE);
  if (status !== 'completed') {
    b.missedCall(status, 'screening', delay);
    // The agent tries once more before falling back to chat.
    if (b.rng.chance(0.7))
      b.missedCall(
        b.rng.pick<CallStatus>(['no-answer', 'voicemail']),
        'chase',
        b.rng.int(10 * MINUTE, 40 * MINUTE),
      );
    b.agent(LINES.callMissed, b.rng.int(MINUTE, 3 * MINUTE));
    return false;
  }
  const turns: Turn[] = [
    { speaker: 'agent', text: b.line(CALL_LINES.greet) },
    { speaker: 'user', text: b.line(CALL_LINES.greetReply) },
    { speaker: 'agent', text: b.line(CALL_LINES.intro) },
    { speaker: 'user', text: b.line(CALL_LINES.introReply) },
  ];
  const answers: CallFacts['answers'] = {};
  const settled: [Step, ReturnType<typeof answerStep>][] = [];
  for (const step of steps) {
    const answer = answerStep(b, step, false);
    turns.push(
      { speaker: 'agent', text: b.line(step.ask) },
      { speaker: 'user', text: answer.text },
    );
    answers[step.key] = answer.value ?? answer.achieved;
    settled.push([step, answer]);
  }
  turns.push(
    { speaker: 'agent', text: b.line(CALL_LINES.close) },
    { speaker: 'user', text: b.line(CALL_LINES.closeReply) },
  );
  const callStart = b.t + delay;
  b.call('completed', 'screening', turns, answers, delay);
  // Each answer is settled part-way through the call, in the order it was asked.
  const end = b.t;
  settled.forEach(([step, answer], i) => {
    b.achievements.set(step.key, {
      at: Math.round(callStart + ((end - callStart) * (i + 1)) / (settled.length + 1)),
      source: 'call',
      achieved: answer.achieved,
      ...(answer.value === undefined ? {} : { value: answer.value }),
    });
  });
  b.agent(LINES.afterCall, b.rng.int(MINUTE, 5 * MINUTE));
  if (b.rng.chance(0.6)) b.user(LINES.thanks);
  return true;
}

function bookInterview(b: ScriptBuilder) {
  if (b.rng.chance(0.4)) b.agent(LINES.recap);
  b.agent(LINES.interviewAsk);
  b.user(LINES.interviewYes);
  const args = {
    day: b.vars.slotDay as string,
    time: b.vars.slotTime as string,
    manager: b.vars.manager as string,
  };
  b.tool(`call_${b.rng.hex(24)}`, 'book_interview', args, { status: 'booked', ...args });
  b.agent(LINES.interviewBooked, b.rng.int(2_000, 8_000));
  b.achieve('interview_booked', 'chat', true);
  b.user(LINES.thanks);
}

function shortCall(
  b: ScriptBuilder,
  lines: readonly (readonly string[])[],
  purpose: CallFacts['purpose'],
  answers: CallFacts['answers'],
  delay: number,
) {
  const turns = lines.map((options, i): Turn => ({
    speaker: i % 2 === 0 ? 'agent' : 'user',
    text: b.line(options),
  }));
  b.call('completed', purpose, turns, answers, delay);
}

/** After the booking: a reminder, how it went, paperwork, and sometimes a call to confirm the start. */
function afterBooking(b: ScriptBuilder, script: Pick<Script, 'starting' | 'startConfirmed'>) {
  const { rng } = b;
  if (rng.chance(0.35)) {
    shortCall(
      b,
      [CALL_LINES.reminder, CALL_LINES.reminderReply],
      'reminder',
      {},
      rng.int(16 * HOUR, 40 * HOUR),
    );
  } else if (rng.chance(0.7)) {
    b.agent(LINES.reminder, rng.int(16 * HOUR, 40 * HOUR));
    b.user(LINES.reminderYes);
  }
  if (rng.chance(0.7)) {
    b.agent(LINES.afterInterview, rng.int(20 * HOUR, 40 * HOUR));
    b.user(LINES.afterInterviewReply);
    script.starting = rng.chance(0.7);
    if (!script.starting) return;
    if (rng.chance(0.8)) {
      b.agent(LINES.documentsAsk);
      if (rng.chance(0.5)) b.user(LINES.documentsLater);
      b.user(LINES.documentsSent);
      b.agent(LINES.documentsChecked, rng.int(10 * MINUTE, 3 * HOUR));
    }
    if (rng.chance(0.7)) {
      b.agent(LINES.induction, rng.int(MINUTE, 20 * HOUR));
      b.user(LINES.inductionReply);
    }
    if (rng.chance(0.6)) {
      const lines = [
        CALL_LINES.confirmStart,
        CALL_LINES.confirmStartReply,
        CALL_LINES.close,
        CALL_LINES.closeReply,
      ];
      shortCall(
        b,
        lines,
        'confirmation',
        { availability_confirmed: b.vars.start as string },
        rng.int(4 * HOUR, 26 * HOUR),
      );
      script.startConfirmed = true;
    }
    // Once on site: timesheets and a first-week check-in.
    if (rng.chance(0.4)) {
      b.user(LINES.timesheetAsk, rng.int(30 * HOUR, 60 * HOUR));
      b.agent(LINES.timesheetReply);
      b.user(LINES.thanks);
    }
    if (rng.chance(0.5)) {
      b.agent(LINES.checkIn, rng.int(20 * HOUR, 50 * HOUR));
      b.user(LINES.checkInReply);
      if (rng.chance(0.5)) b.agent(LINES.checkInAck);
    }
  }
}

function varsFor(rng: Rng, input: ConversationInput): Vars {
  const { campaign, name } = input;
  const rate = rng.int(campaign.rate[0] / 5, campaign.rate[1] / 5) * 5;
  return {
    first: name.first,
    last: name.last,
    agentName: AGENT_NAME,
    agency: AGENCY,
    campaign: campaign.name,
    trade: campaign.trade,
    tradePlural: campaign.tradePlural,
    work: campaign.work,
    city: campaign.city,
    area: rng.pick(campaign.areas),
    project: rng.pick(campaign.projects),
    rate,
    rateUp: rate + rng.pick([10, 20, 25, 30]),
    manager: rng.pick(campaign.managers),
    qual: campaign.qualification.short,
    start: rng.pick(LINES.starts),
    duration: rng.pick(LINES.durations),
    slotDay: rng.pick(LINES.slotDays),
    slotTime: rng.pick(LINES.slotTimes),
    board: rng.pick(LINES.boards),
  };
}

export function buildConversation(rng: Rng, input: ConversationInput): Script {
  const { status } = input;
  const b = new ScriptBuilder(rng, varsFor(rng, input));
  const script: Script = {
    events: b.events,
    achievements: b.achievements,
    booked: false,
    starting: false,
    startConfirmed: false,
    endsWithUser: false,
  };
  const steps = stepsFor(input.campaign);

  if (rng.chance(0.06)) b.system(SYSTEM_PROMPT);

  // Opening: the candidate writes in, or the agent reaches out (and may never hear back).
  if (input.inbound) {
    b.user(LINES.inboundOpen, 0);
    b.agent(LINES.inboundReply);
    b.user(LINES.inboundName, rng.int(30_000, 10 * MINUTE));
    b.achieve('replied', 'chat');
    b.achieve('interested', 'chat');
    b.agent(LINES.inboundThanks);
  } else {
    openOutbound(b, status === 'failed');
    if (status === 'failed') {
      chase(b, rng.int(0, 2), 0.4);
      return script;
    }
    if (status === 'waiting' && rng.chance(0.25)) {
      chase(b, rng.int(0, 2), 0.5);
      return script;
    }
    if (status === 'opted_out' && rng.chance(0.65)) {
      b.user(LINES.optOut);
      b.achieve('replied', 'chat');
      b.achieve('interested', 'chat', false);
      b.agent(LINES.optOutAck);
      return script;
    }
    const declines = status === 'completed' && !input.happyPath && rng.chance(0.08);
    b.user(declines ? LINES.declined : LINES.interested);
    b.achieve('replied', 'chat');
    b.achieve('interested', 'chat', !declines);
    if (declines) {
      b.agent(LINES.declinedAck);
      if (rng.chance(0.6)) b.user(LINES.thanks);
      return script;
    }
    b.aside();
    b.agent(LINES.interestedAck);
  }

  // How far through the questions this session got, by how it ends.
  const unsuitable = status === 'completed' && !input.happyPath && rng.chance(0.12);
  const reach =
    status === 'completed'
      ? steps.length
      : status === 'active'
        ? rng.int(1, steps.length)
        : rng.int(status === 'waiting' ? 1 : 0, Math.max(0, steps.length - 1));

  let next = 0;
  if (reach >= 2 && !unsuitable && rng.chance(0.6)) {
    const covered = steps.slice(0, rng.int(2, reach));
    if (screeningCall(b, covered)) next = covered.length;
  }
  for (; next < reach; next++) {
    const step = steps[next];
    if (!step) break;
    if (!chatStep(b, step, unsuitable && next === 0, next === 0)) return script;
  }

  switch (status) {
    case 'completed':
      bookInterview(b);
      script.booked = true;
      afterBooking(b, script);
      break;
    case 'active': {
      // Mid-conversation: the agent's question is out, or the candidate has just answered it.
      const step = steps[next];
      if (step) b.agent(step.ask);
      else b.agent(LINES.interviewAsk);
      if (rng.chance(0.2)) {
        b.user(step ? step.yes : LINES.interviewYes, rng.int(20_000, 3 * MINUTE));
        script.endsWithUser = true;
      }
      break;
    }
    case 'waiting': {
      const step = steps[next];
      b.agent(step ? step.ask : LINES.interviewAsk);
      if (rng.chance(0.4)) chase(b, 1, 0.5, LINES.nudge);
      break;
    }
    case 'opted_out':
      b.user(LINES.optOut);
      b.achieve('interested', 'chat', false);
      b.agent(LINES.optOutAck);
      break;
    case 'escalated':
      b.user(LINES.escalate);
      b.agent(LINES.escalateAck);
      if (rng.chance(0.5)) {
        const turns: Turn[] = [
          {
            speaker: 'agent',
            text: `Hi ${b.vars.first}, it's Tom from ${AGENCY}, you asked to speak to someone?`,
          },
          { speaker: 'user', text: 'Yeah, thanks for calling back.' },
          { speaker: 'agent', text: 'No problem at all, what can I help with?' },
          {
            speaker: 'user',
            text: 'Just wanted to check about the last job, I was paid short one week.',
          },
          { speaker: 'agent', text: "I'll look into it with payroll and call you back tomorrow." },
        ];
        b.call('completed', 'callback', turns, {}, rng.int(30 * MINUTE, 4 * HOUR));
      }
      break;
    case 'human_takeover':
      b.user(LINES.escalate);
      b.agent(
        [
          `Hi ${b.vars.first}, Tom here from the ${AGENCY} team – I'm picking this up from our assistant. How can I help?`,
        ],
        rng.int(10 * MINUTE, 2 * HOUR),
      );
      b.user(['Thanks Tom, just had a few questions about the pay']);
      break;
    case 'paused':
      b.agent([
        `Thanks ${b.vars.first}. The client has paused hiring for a couple of weeks – I'll be back in touch as soon as it restarts.`,
      ]);
      break;
    case 'failed':
      break;
  }
  return script;
}
