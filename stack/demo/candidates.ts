import type { Script, SessionStatus } from './conversation';
import type { Rng } from './random';
import type { CandidateStage } from './types';

// The app's view of a candidate: a recruiter's pipeline stage that roughly follows what the
// agent achieved, and the notes recruiters leave.

export function stageFor(rng: Rng, status: SessionStatus, script: Script): CandidateStage {
  const answered = script.achievements.get('has_qualification');
  switch (status) {
    case 'failed':
      return rng.chance(0.3) ? 'new' : 'contacted';
    case 'opted_out':
      return 'rejected';
    case 'waiting':
    case 'active':
      if (script.booked || script.achievements.has('interview_booked')) return 'interview';
      return answered ? 'screening' : 'contacted';
    case 'completed':
      if (!script.booked) return 'rejected';
      if (script.startConfirmed) return 'placed';
      return script.starting ? 'offer' : 'interview';
    default:
      return 'screening';
  }
}

type NoteTopic = CandidateStage | 'opted_out' | 'escalated';

/** Notes worth writing, by stage or situation: [author email, body]. {first} is the candidate. */
const NOTES: Partial<Record<NoteTopic, readonly (readonly [string, string])[]>> = {
  contacted: [
    ['recruiter@demo.local', 'Left a voicemail; the agent will follow up on WhatsApp.'],
    ['recruiter@demo.local', 'Do not call before 5pm – {first} works nights at the moment.'],
  ],
  screening: [
    ['recruiter@demo.local', 'Prefers WhatsApp to calls during the day (on site).'],
    ['recruiter@demo.local', 'Qualification card checked online and in date ✅'],
  ],
  escalated: [
    ['ops@demo.local', 'Agent escalated this one – called {first} back and sorted a pay query.'],
    ['ops@demo.local', '{first} wanted a person, not the bot. Picked up by the team.'],
  ],
  interview: [
    [
      'recruiter@demo.local',
      'Spoke to {first} on the phone – very keen, has own tools. Put forward to the site manager.',
    ],
    ['manager@demo.local', 'Good candidate for the second job on this campaign too.'],
  ],
  offer: [
    [
      'recruiter@demo.local',
      'Asked for a higher day rate – client agreed for now, review after 4 weeks.',
    ],
    [
      'manager@demo.local',
      'Offer approved. Make sure right-to-work documents are in before day one.',
    ],
  ],
  placed: [
    [
      'recruiter@demo.local',
      'Started on site. Great feedback from the site manager after the first week.',
    ],
    ['manager@demo.local', 'Placed – invoice the client from the start date.'],
  ],
  rejected: [
    ['recruiter@demo.local', 'Not right for this client. Keep on file for future roles.'],
    [
      'manager@demo.local',
      'Closed for this campaign; happy for the team to approach again next quarter.',
    ],
  ],
  opted_out: [['ops@demo.local', 'Opted out of messages – do not contact again.']],
};

export function noteFor(
  rng: Rng,
  stage: CandidateStage,
  status: SessionStatus | undefined,
  first: string,
): { author: string; body: string } | undefined {
  const topic: NoteTopic =
    status === 'opted_out'
      ? 'opted_out'
      : status === 'escalated' || status === 'human_takeover'
        ? 'escalated'
        : stage;
  const options = NOTES[topic];
  if (!options) return undefined;
  const [author, body] = rng.pick(options);
  return { author, body: body.replaceAll('{first}', first) };
}
