import type { ScriptCall, Turn } from './conversation';
import type { Rng } from './random';
import { RECORDING_FILES } from './recordings';
import type { CallRow, Json } from './types';

// A scripted call as the voice provider stores it (fixtures/transcripts.json, analysis.json):
// the provider decides the call id, the analysis shape and often the transcript's labels.

type Provider = 'retell' | 'vapi' | 'custom';

export interface CallContext {
  sessionId: string;
  phoneNumber: string;
  calledAt: string;
  recordingBaseUrl: string;
  first: string;
  trade: string;
}

function uuid(rng: Rng): string {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

function callId(rng: Rng, provider: Provider): string {
  if (provider === 'retell') return `call_${rng.hex(32)}`;
  if (provider === 'vapi') return uuid(rng);
  return `CA${rng.hex(32)}`;
}

/** Transcript text in one of the label styles providers use; null when nobody spoke. */
function transcript(rng: Rng, turns: Turn[]): string | null {
  if (turns.length === 0) return null;
  const style = rng.weighted<'agent-user' | 'ai-customer' | 'lower' | 'json' | 'plain'>([
    ['agent-user', 62],
    ['ai-customer', 18],
    ['lower', 8],
    ['json', 10],
    ['plain', 2],
  ]);
  switch (style) {
    case 'json':
      return JSON.stringify(turns.map((turn) => ({ role: turn.speaker, content: turn.text })));
    case 'plain':
      return turns.map((turn) => turn.text).join(' ');
    case 'lower':
      return turns.map((turn) => `${turn.speaker}: ${turn.text}`).join('\n');
    case 'ai-customer':
      // This provider breaks long answers over lines: continuation lines without a label.
      return turns
        .map((turn) =>
          turn.speaker === 'agent'
            ? `AI: ${turn.text}`
            : `Customer: ${turn.text.replace(/([.?!]) (?=\S)/, '$1\n')}`,
        )
        .join('\n');
    case 'agent-user':
      return turns
        .map((turn) => `${turn.speaker === 'agent' ? 'Agent' : 'User'}: ${turn.text}`)
        .join('\n');
  }
}

const ANSWER_SENTENCES: Record<string, (value: Json) => string> = {
  has_qualification: (v) =>
    v ? 'Holds the required qualification.' : 'Does not hold the required qualification yet.',
  own_van: (v) => (v ? 'Has own van and tools.' : 'No van at present.'),
  right_to_work: (v) =>
    v ? 'Confirmed right to work in the UK.' : 'Right to work needs checking by compliance.',
  day_rate: (v) => `Day rate £${String(v)}.`,
  day_rate_agreed: (v) => `Day rate £${String(v)} agreed.`,
  availability_confirmed: (v) => `Available from ${String(v)}.`,
};

function summary(call: ScriptCall, ctx: CallContext): string {
  switch (call.facts.purpose) {
    case 'screening': {
      const details = Object.entries(call.facts.answers).map(
        ([key, value]) => ANSWER_SENTENCES[key]?.(value) ?? '',
      );
      return [`${ctx.first} is interested in the ${ctx.trade.toLowerCase()} role.`, ...details]
        .filter(Boolean)
        .join(' ');
    }
    case 'reminder':
      return `Reminded ${ctx.first} about the interview call; attendance confirmed.`;
    case 'confirmation':
      return `Confirmed ${ctx.first}'s start date and site induction details.`;
    case 'callback':
      return 'Candidate asked to speak to a person about a pay query; passed to payroll.';
    default:
      return `${ctx.first} answered briefly and asked to continue on WhatsApp.`;
  }
}

/** Structured data in the keys a recruiter would configure in the provider. */
function structured(call: ScriptCall): { [key: string]: Json } {
  const data: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(call.facts.answers)) {
    if (key.startsWith('day_rate')) data.day_rate_expectation = value;
    else if (key === 'availability_confirmed') data.availability = value;
    else data[key] = value;
  }
  return data;
}

function analysis(rng: Rng, provider: Provider, call: ScriptCall, ctx: CallContext): Json {
  const voicemail = call.status === 'voicemail';
  const connected = call.status === 'completed';
  if (!connected && !voicemail) {
    // Providers often write nothing for calls that never connected.
    if (rng.chance(0.4)) return null;
    const text =
      call.status === 'busy'
        ? 'Line busy.'
        : call.status === 'failed'
          ? 'Call failed to connect.'
          : 'No answer.';
    return provider === 'retell'
      ? {
          call_summary: text,
          user_sentiment: 'Unknown',
          call_successful: false,
          in_voicemail: false,
        }
      : { summary: text, successEvaluation: 'false' };
  }
  const text = voicemail ? 'No answer, left voicemail.' : summary(call, ctx);
  const sentiment = voicemail
    ? 'Unknown'
    : call.facts.purpose === 'callback'
      ? 'Negative'
      : rng.pick(['Positive', 'Positive', 'Neutral']);
  switch (provider) {
    case 'retell':
      return {
        call_summary: text,
        user_sentiment: sentiment,
        call_successful: connected,
        in_voicemail: voicemail,
        custom_analysis_data: structured(call),
      };
    case 'vapi':
      return {
        summary: text,
        successEvaluation: String(connected),
        structuredData: voicemail ? { voicemail: true } : structured(call),
      };
    case 'custom':
      return rng.weighted<() => Json>([
        [
          () => ({
            interested: connected,
            ...structured(call),
            notes: rng.pick([
              'Prefers WhatsApp',
              'Can do weekends',
              'Needs parking',
              'Has own tools',
            ]),
          }),
          5,
        ],
        [() => text, 3],
        [() => null, 2],
      ])();
  }
}

function recordingUrl(rng: Rng, call: ScriptCall, id: string, ctx: CallContext): string | null {
  if (call.status !== 'completed' && call.status !== 'voicemail') return null;
  const month = ctx.calledAt.slice(0, 7).replace('-', '/');
  return rng.weighted<string | null>([
    [`${ctx.recordingBaseUrl.replace(/\/+$/, '')}/${rng.pick(RECORDING_FILES)}`, 82],
    [null, 8],
    [`gs://recordings-bucket/${month}/${id}.wav`, 5],
    [`s3://outreach-call-recordings/${id}.mp3`, 5],
  ]);
}

export function buildCallRow(rng: Rng, call: ScriptCall, ctx: CallContext): CallRow {
  const provider = rng.weighted<Provider>([
    ['retell', 45],
    ['vapi', 35],
    ['custom', 20],
  ]);
  const call_id = callId(rng, provider);
  return {
    call_id,
    session_id: ctx.sessionId,
    phone_number: ctx.phoneNumber,
    called_at: ctx.calledAt,
    duration: call.durationSec,
    status: call.status,
    transcript: transcript(rng, call.turns),
    recording_url: recordingUrl(rng, call, call_id, ctx),
    analysis: analysis(rng, provider, call, ctx),
  };
}
