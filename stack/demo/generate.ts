import { campaignByName, CAMPAIGNS, JOBS, type TradeCampaign } from './campaigns';
import { noteFor, stageFor } from './candidates';
import { buildConversation, DAY, HOUR, MINUTE, type SessionStatus } from './conversation';
import { exampleSessions } from './examples';
import { ODD_MESSAGES, pickFormat } from './message-shapes';
import {
  dramaMobiles,
  formatPhone,
  phoneDigits,
  randomEmail,
  randomName,
  type PersonName,
  type PhoneForm,
} from './people';
import { createRng, type Rng } from './random';
import { emitSession, MAX_AGE, type EmittedSession, type SessionSpec } from './sessions';
import { DEMO_STAFF } from './staff';
import type { CandidateNoteRow, CandidateRow, CandidateStage, DemoData, JobRow } from './types';

// Deterministic demo data for the local stack (DESIGN §5): pure, so the same seed and anchor give
// the same rows, and every timestamp is an offset back from the anchor.

export const DEFAULT_SEED = 20261126;

export interface GenerateOptions {
  seed?: number;
  /** "Now" for the data: everything happens before it, much of it in the last few hours. */
  anchor: Date;
  /** Where recordings.ts's files are served, e.g. `http://127.0.0.1:54321/storage/v1/object/public/recordings`. */
  recordingBaseUrl: string;
}

const PEOPLE_WITH_SESSION = 420;
const SESSIONS_WITHOUT_CANDIDATE = 12;
const CANDIDATES_WITHOUT_SESSION = 8;
/** Phones the agent contacted before, for another campaign (two sessions, one person). */
const RETURNING = 4;
const NOTES = 22;

function statusFor(rng: Rng, campaign: TradeCampaign): SessionStatus {
  return campaign.status === 'paused'
    ? rng.weighted<SessionStatus>([
        ['active', 4],
        ['waiting', 12],
        ['completed', 28],
        ['opted_out', 12],
        ['failed', 12],
        ['paused', 25],
        ['escalated', 2],
      ])
    : rng.weighted<SessionStatus>([
        ['active', 20],
        ['waiting', 20],
        ['completed', 27],
        ['opted_out', 11],
        ['failed', 12],
        ['escalated', 2.5],
        ['human_takeover', 1],
      ]);
}

/** When the session last changed, by how it stands: live ones minutes ago, finished ones days. */
function lastAgoFor(rng: Rng, status: SessionStatus, endsWithUser: boolean): number {
  const within = (from: number, to: number) => () => rng.int(from, to);
  const options: readonly (readonly [() => number, number])[] = (() => {
    switch (status) {
      case 'active':
        if (endsWithUser) return [[within(20_000, 3 * MINUTE), 1]];
        return [
          [within(30_000, 10 * MINUTE), 30],
          [within(10 * MINUTE, 3 * HOUR), 45],
          [within(3 * HOUR, 12 * HOUR), 25],
        ];
      case 'waiting':
        return [
          [within(20 * MINUTE, 12 * HOUR), 50],
          [within(12 * HOUR, 3 * DAY), 50],
        ];
      case 'completed':
        return [
          [within(HOUR, DAY), 25],
          [within(DAY, 18 * DAY), 75],
        ];
      case 'opted_out':
      case 'failed':
        return [
          [within(30 * MINUTE, DAY), 20],
          [within(DAY, 20 * DAY), 80],
        ];
      case 'paused':
        return [[within(2 * DAY, 9 * DAY), 1]];
      default:
        return [[within(15 * MINUTE, 2 * DAY), 1]];
    }
  })();
  return rng.weighted(options)();
}

function phoneIn(
  rng: Rng,
  e164: string,
  weights: readonly (readonly [PhoneForm, number])[],
): string {
  return formatPhone(e164, rng.weighted(weights));
}

interface Person {
  name: PersonName;
  email: string | null;
  phone: string;
  campaign: TradeCampaign;
  jobId: number | null;
  stage: CandidateStage;
  status?: SessionStatus;
  /** Index into the specs of the person's (latest) session. */
  sessionIndex?: number;
  /** ms before the anchor. */
  createdAgo: number;
  updatedAgo: number;
  notes: { author: string; body: string; ago: number }[];
}

/** One generated session, with how it is written down varying as real agents' data does. */
function generatedSpec(
  rng: Rng,
  input: {
    name: PersonName;
    phone: string;
    campaign: TradeCampaign;
    status: SessionStatus;
    inbound: boolean;
    general: boolean;
  },
  lastAgo?: number,
): SessionSpec {
  const { name, phone, campaign, status, inbound, general } = input;
  const script = buildConversation(rng.fork('conversation'), { campaign, name, status, inbound });
  const digits = phoneDigits(phone);
  return {
    sessionId: general ? `general_${digits}` : `${campaign.slug}_${digits}`,
    phone,
    campaign,
    campaignColumn: general && rng.chance(0.4) ? null : campaign.name,
    status,
    script,
    format: pickFormat(rng),
    objectiveStyle: rng.weighted([
      ['boolean', 45],
      ['object', 30],
      ['mixed', 25],
    ] as const),
    lastAgo: lastAgo ?? lastAgoFor(rng, status, script.endsWithUser),
    first: name.first,
    sessionPhone: phoneIn(rng, phone, [
      ['e164', 90],
      ['digits', 7],
      ['whatsapp', 3],
    ]),
    numberPhones: [
      phoneIn(rng, phone, [
        ['e164', 55],
        ['digits', 15],
        ['national', 12],
        ['whatsapp', 10],
        ['spaced', 8],
      ]),
    ],
    callPhone: phoneIn(rng, phone, [
      ['e164', 85],
      ['digits', 10],
      ['spaced', 5],
    ]),
  };
}

/** Most candidates are down for one of their campaign's jobs (ids are JOBS positions + 1). */
function jobFor(rng: Rng, campaign: TradeCampaign): number | null {
  const ids = JOBS.flatMap((job, i) => (job.campaign === campaign.name ? [i + 1] : []));
  return ids.length > 0 && rng.chance(0.8) ? rng.pick(ids) : null;
}

/** A few rows that are no chat turn at all or edge cases, tucked between two real messages. */
function sprinkleOddMessages(rng: Rng, emitted: EmittedSession[]) {
  const hosts = rng.shuffle(emitted.filter((e) => e.chat.length >= 6));
  ODD_MESSAGES.forEach((message, i) => {
    const host = hosts[i];
    if (!host) return;
    const k = rng.int(1, host.chat.length - 2);
    const before = Date.parse(host.chat[k]?.created_at ?? '');
    const after = Date.parse(host.chat[k + 1]?.created_at ?? '');
    const created_at = new Date(Math.round((before + after) / 2)).toISOString();
    host.chat.splice(k + 1, 0, { session_id: host.session.session_id, message, created_at });
  });
}

export function generateDemoData(options: GenerateOptions): DemoData {
  const seed = options.seed ?? DEFAULT_SEED;
  const anchorMs = options.anchor.getTime();
  const root = createRng(seed);
  const iso = (ago: number) => new Date(anchorMs - ago).toISOString();

  const campaigns = CAMPAIGNS.map((c) => ({
    name: c.name,
    description: c.description,
    objectives: c.objectives.map((o) => ({ ...o })),
    status: c.status,
    created_at: iso(c.createdDaysAgo * DAY),
  }));
  const jobs: JobRow[] = JOBS.map((job, i) => ({
    id: i + 1,
    title: job.title,
    trade: job.trade,
    location: job.location,
    created_at: iso((campaignByName(job.campaign).createdDaysAgo + 2) * DAY + i * HOUR),
  }));

  const specs: SessionSpec[] = [];
  const people: Person[] = [];

  const examples = exampleSessions(root.fork('examples'));
  for (const example of examples) {
    const { spec, candidate } = example;
    specs.push(spec);
    people.push({
      name: candidate.name,
      email: candidate.email,
      phone: spec.phone,
      campaign: spec.campaign,
      jobId: jobs.find((job) => job.title === candidate.jobTitle)?.id ?? null,
      stage: candidate.stage,
      status: spec.status,
      sessionIndex: specs.length - 1,
      // Both filled in once the session is placed.
      createdAgo: 0,
      updatedAgo: 0,
      notes: candidate.notes.map((note) => ({
        author: note.author,
        body: note.body,
        ago: note.minutesAgo * MINUTE,
      })),
    });
  }

  const phones = dramaMobiles(
    root.fork('phones'),
    PEOPLE_WITH_SESSION + SESSIONS_WITHOUT_CANDIDATE + CANDIDATES_WITHOUT_SESSION,
  );
  const phoneAt = (i: number) => phones[i] ?? '';
  const campaignWeights = CAMPAIGNS.map((c) => [c, c.weight] as const);

  for (let i = 0; i < PEOPLE_WITH_SESSION + SESSIONS_WITHOUT_CANDIDATE; i++) {
    const rng = root.fork(`person-${i}`);
    const name = randomName(rng);
    const campaign = rng.weighted(campaignWeights);
    const status = statusFor(rng, campaign);
    const withCandidate = i < PEOPLE_WITH_SESSION;
    // People who write in first: from adverts, and most who never made it into the app's list.
    const inbound = status !== 'failed' && rng.chance(withCandidate ? 0.08 : 0.7);
    const phone = phoneAt(i);
    const spec = generatedSpec(rng, {
      name,
      phone,
      campaign,
      status,
      inbound,
      general: inbound || rng.chance(0.03),
    });
    specs.push(spec);
    const sessionIndex = specs.length - 1;

    if (i < RETURNING) {
      const earlier = rng.pick(CAMPAIGNS.filter((c) => c !== campaign));
      const earlierStatus = rng.pick<SessionStatus>(['completed', 'failed']);
      specs.push(
        generatedSpec(
          rng.fork('earlier'),
          { name, phone, campaign: earlier, status: earlierStatus, inbound: false, general: false },
          rng.int(19 * DAY, 20 * DAY),
        ),
      );
    }
    if (!withCandidate) continue;
    people.push({
      name,
      email: randomEmail(rng, name),
      // Candidates imported from a spreadsheet sometimes keep the national form.
      phone: rng.chance(0.03) ? formatPhone(phone, 'national') : phone,
      campaign,
      jobId: jobFor(rng, campaign),
      stage: stageFor(rng, status, spec.script),
      status,
      sessionIndex,
      createdAgo: 0,
      updatedAgo: 0,
      notes: [],
    });
  }

  // Sessions become rows; each candidate was imported a little before the agent first wrote.
  const emitted = specs.map((spec, i) =>
    emitSession(spec, root.fork(`session-${i}`), anchorMs, options.recordingBaseUrl),
  );
  const importRng = root.fork('imports');
  for (const person of people) {
    const session = emitted[person.sessionIndex ?? -1];
    if (!session) continue;
    person.createdAgo = Math.min(
      MAX_AGE + 3 * DAY,
      session.createdAgo + importRng.int(HOUR, 3 * DAY),
    );
    person.updatedAgo = session.updatedAgo;
  }
  sprinkleOddMessages(root.fork('odd-messages'), emitted.slice(examples.length));

  for (let i = 0; i < CANDIDATES_WITHOUT_SESSION; i++) {
    const rng = root.fork(`new-candidate-${i}`);
    const name = randomName(rng);
    const campaign = rng.pick(CAMPAIGNS.filter((c) => c.status === 'active'));
    const createdAgo = rng.int(10 * MINUTE, 3 * DAY);
    people.push({
      name,
      email: randomEmail(rng, name),
      phone: phoneAt(PEOPLE_WITH_SESSION + SESSIONS_WITHOUT_CANDIDATE + i),
      campaign,
      jobId: jobFor(rng, campaign),
      stage: 'new',
      createdAgo,
      updatedAgo: createdAgo,
      notes: [],
    });
  }

  // Recruiters' notes on a handful of candidates the team has worked on.
  const noteRng = root.fork('notes');
  const worked = noteRng
    .shuffle(people.slice(examples.length).filter((p) => p.stage !== 'new'))
    .slice(0, NOTES);
  for (const person of worked) {
    const note = noteFor(noteRng, person.stage, person.status, person.name.first);
    if (note)
      person.notes.push({
        ...note,
        ago: noteRng.int(person.updatedAgo, Math.max(person.updatedAgo, person.createdAgo - HOUR)),
      });
  }

  const candidates: CandidateRow[] = people.map((p, i) => ({
    id: i + 1,
    full_name: `${p.name.first} ${p.name.last}`,
    phone_number: p.phone,
    email: p.email,
    campaign: p.campaign.name,
    job_id: p.jobId,
    stage: p.stage,
    created_at: iso(p.createdAgo),
    updated_at: iso(p.stage === 'new' ? p.createdAgo : p.updatedAgo),
  }));
  const candidate_notes: CandidateNoteRow[] = people
    .flatMap((p, i) =>
      p.notes.map((note) => ({
        candidate_id: i + 1,
        author_email: note.author,
        body: note.body,
        created_at: iso(note.ago),
      })),
    )
    .sort(byKey('created_at'));

  return {
    seed,
    anchor: options.anchor.toISOString(),
    staffAccounts: DEMO_STAFF,
    campaigns,
    jobs,
    candidates,
    candidate_notes,
    numbers: emitted.flatMap((e) => e.numbers).sort(byKey('created_at')),
    sessions: emitted.map((e) => e.session),
    chat_history: emitted.flatMap((e) => e.chat).sort(byKey('created_at')),
    calls: emitted.flatMap((e) => e.calls).sort(byKey('called_at')),
  };
}

/** ISO-8601 UTC strings sort as text; Array#sort is stable, so ties keep their order. */
function byKey<K extends string>(key: K) {
  return (a: Record<K, string>, b: Record<K, string>) =>
    a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0;
}
