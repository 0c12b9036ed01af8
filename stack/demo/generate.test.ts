import { describe, expect, it } from 'vitest';
import { generateDemoData } from './generate';
import { RECORDING_FILES, recordingWav } from './recordings';
import { DEMO_EXAMPLES, DEMO_STAFF } from './staff';
import type { Json } from './types';

const anchor = new Date('2026-11-26T12:00:00Z');
const recordingBaseUrl = 'http://127.0.0.1:54321/storage/v1/object/public/recordings';
const data = generateDemoData({ anchor, recordingBaseUrl });

const digits = (phone: string | null) => (phone ?? '').replace(/\D/g, '').replace(/^0/, '44');
type JsonObject = { [key: string]: Json };
const isObject = (value: Json): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Which fixtures/messages.json case a stored message is an example of. */
function messageShape(message: Json): string[] {
  if (message === null) return ['json null'];
  if (typeof message === 'string') return ['bare string'];
  if (!isObject(message)) return ['other'];
  const shapes: string[] = [];
  if (isObject(message.data ?? null)) shapes.push('langchain data wrapper');
  if ('role' in message) shapes.push(`role ${String(message.role)}`);
  if ('sender' in message && 'text' in message) shapes.push('sender/text');
  if (!('type' in message) && !('role' in message) && !('sender' in message))
    shapes.push('unrecognised object');
  const content = message.content;
  if (message.type === 'human' && typeof content === 'string') shapes.push('langchain human');
  if (message.type === 'human' && content === null) shapes.push('null content');
  if (Array.isArray(content)) shapes.push('content parts');
  if (message.type === 'system') shapes.push('system');
  if (message.type === 'tool') shapes.push('tool');
  if (message.type === 'ai' && Array.isArray(message.tool_calls)) {
    shapes.push(
      message.tool_calls.length === 0 ? 'langchain ai with empty tool calls' : 'ai tool call only',
    );
  }
  if (typeof content === 'string' && /\p{Script=Arabic}/u.test(content)) shapes.push('non-latin');
  if (typeof content === 'string' && /<[a-z]+[\s>]/i.test(content)) shapes.push('markup');
  return shapes;
}

describe('generateDemoData', () => {
  it('is deterministic for a seed and anchor, and varies with the seed', () => {
    expect(generateDemoData({ anchor, recordingBaseUrl })).toEqual(data);
    const other = generateDemoData({ anchor, recordingBaseUrl, seed: 7 });
    expect(other.chat_history).not.toEqual(data.chat_history);
    expect(other.candidates.map((c) => c.full_name)).not.toEqual(
      data.candidates.map((c) => c.full_name),
    );
  });

  it('meets the sizes the demo promises', () => {
    const sessionPhones = new Set(data.sessions.map((s) => digits(s.phone_number ?? s.session_id)));
    const withSession = data.candidates.filter((c) => sessionPhones.has(digits(c.phone_number)));
    expect(withSession.length).toBeGreaterThanOrEqual(300);
    expect(data.chat_history.length).toBeGreaterThanOrEqual(5000);
    expect(data.calls.length).toBeGreaterThanOrEqual(400);
    expect(data.campaigns.length).toBeGreaterThanOrEqual(3);
    expect(data.jobs.length).toBeGreaterThanOrEqual(6);
    expect(data.candidate_notes.length).toBeGreaterThan(5);
  });

  it('has campaigns with ordered objective lists, one of them paused', () => {
    for (const campaign of data.campaigns) {
      expect(campaign.objectives.length).toBeGreaterThanOrEqual(4);
      for (const objective of campaign.objectives)
        expect(objective).toEqual({ key: expect.any(String), label: expect.any(String) });
    }
    expect(data.campaigns.map((c) => c.name)).toContain(DEMO_EXAMPLES.campaign);
    expect(data.campaigns.filter((c) => c.status === 'paused')).toHaveLength(1);
  });

  it('stores every message shape of fixtures/messages.json', () => {
    const seen = new Set(data.chat_history.flatMap((row) => messageShape(row.message)));
    for (const shape of [
      'langchain human',
      'langchain ai with empty tool calls',
      'langchain data wrapper',
      'content parts',
      'role user',
      'role assistant',
      'sender/text',
      'system',
      'tool',
      'ai tool call only',
      'non-latin',
      'markup',
      'null content',
      'unrecognised object',
      'bare string',
      'json null',
    ]) {
      expect(seen, shape).toContain(shape);
    }
  });

  it('keeps references intact', () => {
    const sessions = new Set(data.sessions.map((s) => s.session_id));
    expect(sessions.size).toBe(data.sessions.length);
    for (const call of data.calls) expect(sessions).toContain(call.session_id);
    for (const row of data.chat_history) expect(sessions).toContain(row.session_id);
    for (const row of data.numbers) expect(sessions).toContain(row.session_id);
    expect(new Set(data.calls.map((c) => c.call_id)).size).toBe(data.calls.length);

    const jobs = new Set(data.jobs.map((j) => j.id));
    for (const candidate of data.candidates)
      if (candidate.job_id !== null) expect(jobs).toContain(candidate.job_id);
    expect(new Set(data.candidates.map((c) => c.phone_number)).size).toBe(data.candidates.length);

    const candidates = new Set(data.candidates.map((c) => c.id));
    const staff = new Set(DEMO_STAFF.map((s) => s.email));
    for (const note of data.candidate_notes) {
      expect(candidates).toContain(note.candidate_id);
      expect(staff).toContain(note.author_email);
    }
  });

  it('has candidates without sessions and sessions without candidates', () => {
    const candidatePhones = new Set(data.candidates.map((c) => digits(c.phone_number)));
    const sessionPhones = new Set(data.sessions.map((s) => digits(s.phone_number ?? s.session_id)));
    expect(
      data.sessions.filter((s) => !candidatePhones.has(digits(s.phone_number))).length,
    ).toBeGreaterThan(0);
    expect(
      data.candidates.filter((c) => !sessionPhones.has(digits(c.phone_number))).length,
    ).toBeGreaterThan(0);
  });

  it('includes the integration guide examples', () => {
    const dave = data.candidates.find((c) => c.phone_number === DEMO_EXAMPLES.phone);
    expect(dave).toMatchObject({ full_name: 'Dave Thompson', campaign: DEMO_EXAMPLES.campaign });
    const session = data.sessions.find((s) => s.phone_number === DEMO_EXAMPLES.phone);
    expect(session).toMatchObject({
      session_id: 'plumber_london_447853723604',
      campaign: DEMO_EXAMPLES.campaign,
    });
    const messages = data.chat_history.filter((m) => m.session_id === session?.session_id);
    expect(messages.length).toBeGreaterThanOrEqual(40);
    const days = new Set(messages.map((m) => m.created_at.slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(3);
    const recorded = data.calls.filter(
      (c) => c.session_id === session?.session_id && c.recording_url?.startsWith('http'),
    );
    expect(recorded.length).toBeGreaterThanOrEqual(2);
    expect(
      data.numbers.filter((n) => n.session_id === session?.session_id).map((n) => n.phone_number),
    ).toContain('+44 7853 723604');

    const general = data.sessions.find((s) => s.session_id === DEMO_EXAMPLES.sessionId);
    expect(general?.phone_number).toBe('+447835156367');
    expect(data.chat_history.some((m) => m.session_id === DEMO_EXAMPLES.sessionId)).toBe(true);
  });

  it('places everything before the anchor, in order, with some of it live', () => {
    const now = anchor.getTime();
    const day = 24 * 3600_000;
    // The agent's activity spans the last three weeks; campaigns, jobs and imports a little longer.
    const activity = [
      ...data.chat_history.map((m) => m.created_at),
      ...data.calls.map((c) => c.called_at),
      ...data.sessions.flatMap((s) => [s.created_at, s.updated_at]),
      ...data.numbers.map((n) => n.created_at),
    ];
    const setup = [
      ...data.candidates.flatMap((c) => [c.created_at, c.updated_at]),
      ...data.candidate_notes.map((n) => n.created_at),
      ...data.campaigns.map((c) => c.created_at),
      ...data.jobs.map((j) => j.created_at),
    ];
    for (const [stamps, days] of [
      [activity, 21.01],
      [setup, 30],
    ] as const) {
      for (const stamp of stamps) {
        expect(Date.parse(stamp)).toBeLessThanOrEqual(now);
        expect(Date.parse(stamp)).toBeGreaterThan(now - days * day);
      }
    }
    const times = data.chat_history.map((m) => m.created_at);
    expect(times).toEqual([...times].sort());

    const firstMessage = new Map<string, string>();
    const lastEvent = new Map<string, string>();
    for (const m of data.chat_history) {
      if (!firstMessage.has(m.session_id)) firstMessage.set(m.session_id, m.created_at);
      lastEvent.set(m.session_id, m.created_at);
    }
    for (const s of data.sessions) {
      expect(s.created_at <= (firstMessage.get(s.session_id) ?? s.created_at)).toBe(true);
      expect(s.updated_at >= (lastEvent.get(s.session_id) ?? s.updated_at)).toBe(true);
    }
    const live = data.sessions.filter(
      (s) => s.status === 'active' && now - Date.parse(s.updated_at) <= 10 * 60_000,
    );
    expect(live.length).toBeGreaterThanOrEqual(5);
    const today = data.chat_history.filter((m) => now - Date.parse(m.created_at) < day);
    expect(today.length).toBeGreaterThan(data.chat_history.length / 10);
  });

  it('varies statuses, objectives and phone formats as real agent data does', () => {
    const statuses = new Set(data.sessions.map((s) => s.status));
    for (const status of ['active', 'waiting', 'completed', 'opted_out', 'failed', 'escalated'])
      expect(statuses).toContain(status);

    const values = data.sessions.flatMap((s) => Object.values(s.objectives));
    expect(values.some((v) => typeof v === 'boolean')).toBe(true);
    expect(values.some((v) => typeof v === 'string')).toBe(true);
    expect(values.some((v) => typeof v === 'number')).toBe(true);
    expect(
      values.some(
        (v) =>
          isObject(v) &&
          typeof v.achieved === 'boolean' &&
          (v.source === 'chat' || v.source === 'call'),
      ),
    ).toBe(true);

    const forms = new Set(
      data.numbers.map((n) =>
        n.phone_number.startsWith('whatsapp:')
          ? 'whatsapp'
          : n.phone_number.includes(' ')
            ? 'spaced'
            : n.phone_number.startsWith('+')
              ? 'e164'
              : n.phone_number.startsWith('0')
                ? 'national'
                : 'digits',
      ),
    );
    expect([...forms].sort()).toEqual(['digits', 'e164', 'national', 'spaced', 'whatsapp']);
    const e164 = data.sessions.filter((s) => /^\+447\d{9}$/.test(s.phone_number ?? ''));
    expect(e164.length / data.sessions.length).toBeGreaterThan(0.8);
    for (const s of data.sessions) expect(s.session_id).toMatch(/^[a-z_]+_447\d{9}$/);
    expect(data.sessions.some((s) => s.session_id.startsWith('general_'))).toBe(true);
  });

  it('stores calls the ways voice providers do', () => {
    expect(new Set(data.calls.map((c) => c.status))).toEqual(
      new Set(['completed', 'no-answer', 'busy', 'failed', 'voicemail']),
    );
    expect(data.calls.some((c) => c.duration === null)).toBe(true);
    for (const call of data.calls.filter((c) => c.status === 'completed'))
      expect(call.duration).toBeGreaterThan(0);

    const transcripts = data.calls.map((c) => c.transcript);
    expect(transcripts).toContain(null);
    expect(transcripts.some((t) => t?.startsWith('Agent: '))).toBe(true);
    expect(
      transcripts.some((t) => t?.startsWith('AI: ') && /\nCustomer: .*\n(?!AI:|Customer:)/.test(t)),
    ).toBe(true);
    expect(transcripts.some((t) => t?.startsWith('[{'))).toBe(true);

    const analyses = data.calls.map((c) => c.analysis);
    expect(analyses).toContain(null);
    expect(analyses.some((a) => typeof a === 'string')).toBe(true);
    expect(
      analyses.some((a) => isObject(a) && 'call_summary' in a && 'custom_analysis_data' in a),
    ).toBe(true);
    expect(analyses.some((a) => isObject(a) && 'successEvaluation' in a)).toBe(true);
    expect(analyses.some((a) => isObject(a) && 'interested' in a)).toBe(true);

    const urls = data.calls.map((c) => c.recording_url);
    const playable = RECORDING_FILES.map((file) => `${recordingBaseUrl}/${file}`);
    expect(urls.filter((u) => u !== null && playable.includes(u)).length).toBeGreaterThan(
      data.calls.length / 4,
    );
    expect(urls.some((u) => u?.startsWith('gs://'))).toBe(true);
    expect(urls.some((u) => u?.startsWith('s3://'))).toBe(true);
    for (const url of urls) if (url?.startsWith('http')) expect(playable).toContain(url);
  });

  it('lists the demo staff with fixed ids', () => {
    expect(data.staffAccounts.map((s) => [s.email, s.role])).toEqual([
      ['recruiter@demo.local', 'recruiter'],
      ['ops@demo.local', 'ops'],
      ['manager@demo.local', 'manager'],
    ]);
    for (const account of data.staffAccounts) {
      expect(account.id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(account.password).toBe('demo-password');
    }
  });
});

describe('recordingWav', () => {
  it('synthesises small, valid PCM WAV files, once each', () => {
    expect(RECORDING_FILES.length).toBeGreaterThanOrEqual(4);
    const sizes = new Set<number>();
    for (const name of RECORDING_FILES) {
      const wav = recordingWav(name);
      if (!wav) throw new Error(`no recording for ${name}`);
      expect(recordingWav(name)).toBe(wav);
      expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
      expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
      expect(wav.toString('ascii', 8, 16)).toBe('WAVEfmt ');
      expect(wav.readUInt16LE(20)).toBe(1); // PCM
      expect(wav.readUInt16LE(22)).toBe(1); // mono
      const rate = wav.readUInt32LE(24);
      expect([8000, 16000]).toContain(rate);
      expect(wav.readUInt32LE(28)).toBe(rate * 2);
      expect(wav.readUInt16LE(34)).toBe(16);
      expect(wav.toString('ascii', 36, 40)).toBe('data');
      const dataBytes = wav.readUInt32LE(40);
      expect(dataBytes).toBe(wav.length - 44);
      const seconds = dataBytes / (rate * 2);
      expect(seconds).toBeGreaterThanOrEqual(3);
      expect(seconds).toBeLessThanOrEqual(8);
      // Not silence.
      const samples = dataBytes / 2;
      const probe = Array.from({ length: 500 }, (_, i) =>
        Math.abs(wav.readInt16LE(44 + 2 * Math.floor((i * samples) / 500))),
      );
      expect(Math.max(...probe)).toBeGreaterThan(1000);
      sizes.add(wav.length);
    }
    expect(sizes.size).toBe(RECORDING_FILES.length);
    expect(recordingWav('../etc/passwd')).toBeUndefined();
  });
});
