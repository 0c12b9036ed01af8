import { campaignByName } from './campaigns';
import {
  MINUTE,
  buildConversation,
  type Achievement,
  type Script,
  type ScriptEvent,
  type Turn,
} from './conversation';
import { formatPhone, phoneDigits, type PersonName } from './people';
import type { Rng } from './random';
import type { SessionSpec } from './sessions';
import { DEMO_EXAMPLES } from './staff';
import type { CandidateStage } from './types';

// The integration guide's examples (DESIGN §5): Dave Thompson on +447853723604 in
// `Plumber - London`, with a long hand-written conversation and recorded calls, and the inbound
// session `general_447835156367`. Docs, tests and screenshots can rely on them being there.

export interface ExampleCandidate {
  name: PersonName;
  email: string;
  jobTitle: string;
  stage: CandidateStage;
  notes: { author: string; body: string; minutesAgo: number }[];
}

type Line = [minutesAgo: number, who: 'agent' | 'user', text: string];

// A week of WhatsApp with Dave, oldest first. Calls and the booking tool call sit between lines.
const DAVE_BEFORE_SCREENING_CALL: Line[] = [
  [
    8647,
    'agent',
    "Hi Dave, it's Emma from Northpoint Recruitment – I just tried to give you a ring. We've got plumbing work on a commercial fit-out in Canary Wharf at £240/day. Are you looking at the moment?",
  ],
  [8530, 'user', "Hi Emma, yes I'm still looking for work"],
  [8529, 'user', 'Finishing a job in Stratford on Friday'],
  [8528.5, 'agent', 'Great timing then! Just a few quick questions so I can put you forward.'],
  [8528, 'agent', 'Do you hold an NVQ Level 2 or 3 in plumbing?'],
  [8515, 'user', "Yes NVQ level 3 and I've got my blue CSCS card"],
  [8514, 'user', 'Unvented and G3 as well if that helps'],
  [8513, 'agent', "Perfect, that's exactly what they're after 👍"],
  [
    8512.5,
    'agent',
    "Do you have the right to work in the UK? We'll need to see a passport or share code before you start.",
  ],
  [8470, 'user', 'Yes British passport'],
  [
    8469,
    'agent',
    'Thanks Dave. The client is paying £240/day through CIS, paid weekly. Does that work for you?',
  ],
  [7380, 'user', 'Was hoping for nearer £260 to be honest'],
  [7379, 'user', "Travel into Canary Wharf isn't cheap"],
  [
    7378,
    'agent',
    "Totally understand. Leave it with me and I'll ask the client – they've gone higher for experienced people before.",
  ],
  [
    7200,
    'agent',
    'Good news Dave – they can do £255/day for someone with your tickets. Would that work?',
  ],
  [7150, 'user', 'Yeah that works 👍'],
  [
    7149,
    'agent',
    'Would it be easier if I gave you a quick ring to go through the site details and your availability?',
  ],
  [7140, 'user', 'Give me 10 mins, just driving'],
];

const DAVE_BEFORE_BOOKING: Line[] = [
  [
    7120,
    'agent',
    'Thanks for the chat just now Dave. To confirm in writing: start Monday, 7:30am at the Canary Wharf site, £255/day CIS, hand tools needed, power tools supplied.',
  ],
  [7110, 'user', 'Cheers Emma'],
  [
    7109,
    'agent',
    'Last step: a 10-minute call with Steve, the site manager. Does Thursday at 4:30pm suit?',
  ],
  [7060, 'user', 'Can we do after 5? On site till then'],
];

const DAVE_AFTER_BOOKING: Line[] = [
  [
    7059,
    'agent',
    'Done ✅ Steve will call you Thursday at 5:15pm. Any problems just message me here.',
  ],
  [7040, 'user', 'Perfect thanks'],
  [5900, 'user', 'Hi Emma quick question, is there parking on site?'],
  [
    5899,
    'agent',
    "Hi Dave! There's no parking on site I'm afraid – most people get the Jubilee line or the DLR. Canary Wharf station is a 5 minute walk.",
  ],
  [5880, 'user', 'Ok no worries'],
  [5879, 'user', 'Do I need my own tools?'],
  [5878, 'agent', 'Hand tools yes – power tools and access equipment are supplied on site.'],
  [
    5600,
    'agent',
    'Hi Dave, just a reminder of your call with Steve tomorrow at 5:15pm. Still good?',
  ],
  [5560, 'user', 'Yep all good'],
  [4200, 'agent', 'Hi Dave, how did it go with Steve?'],
  [4150, 'user', 'Went well, he wants me to start Monday'],
  [4149, 'user', 'Needs my CSCS and passport on the day'],
  [4148, 'agent', "Brilliant news 🎉 I'll send you the induction details now."],
  [
    4147.5,
    'agent',
    'Induction is 7:30am Monday at the site office, Gate 3, Bank Street. Bring your CSCS card, passport and PPE (boots, hi-vis, hard hat).',
  ],
  [4100, 'user', 'Got it, thanks'],
];

const DAVE_AFTER_CONFIRMATION: Line[] = [
  [
    2690,
    'agent',
    'Thanks for confirming Dave. Could you send a photo of your passport and CSCS card so compliance can check them before Monday?',
  ],
  [2400, 'user', 'Will do tonight'],
  [1500, 'agent', 'Hi Dave, just checking – did you manage to send the photos?'],
  [1440, 'user', 'Sorry been flat out, doing it now'],
  [1430, 'user', 'Sent them over to the email you gave me'],
  [1429, 'agent', 'Thanks Dave, compliance have got them ✅'],
  [30, 'user', 'Also, is there any Saturday work going?'],
  [29.5, 'agent', 'Saturdays are optional at time and a half – shall I put your name down?'],
  [8, 'user', 'Yes please, most Saturdays are fine'],
  [7.5, 'agent', "Done! I'll let Steve know. Anything else you need before Monday?"],
  [3, 'user', "No that's everything, cheers Emma"],
  [2.8, 'agent', 'Great stuff. Speak soon and good luck on Monday 👷'],
];

const SCREENING_TURNS: Turn[] = [
  { speaker: 'agent', text: 'Hi, is that Dave?' },
  { speaker: 'user', text: 'Yeah speaking.' },
  {
    speaker: 'agent',
    text: "Great, I'm calling about the plumbing role at Canary Wharf. Is now still a good time?",
  },
  { speaker: 'user', text: "Yeah, I've pulled over, go ahead." },
  {
    speaker: 'agent',
    text: "Lovely. It's a commercial fit-out, mostly first fix on the risers, then bathrooms on floors 12 to 20. Have you done high-rise before?",
  },
  {
    speaker: 'user',
    text: 'Yeah, did two years on a tower in Stratford. Mostly copper and press-fit.',
  },
  { speaker: 'agent', text: 'Perfect. When could you start?' },
  { speaker: 'user', text: 'Monday. I finish in Stratford Friday.' },
  {
    speaker: 'agent',
    text: 'And £255 a day CIS is still fine? Hours are 7:30 till 4:30, Saturdays optional.',
  },
  { speaker: 'user', text: 'Yeah that works.' },
  {
    speaker: 'agent',
    text: "Brilliant. I'll send everything over on WhatsApp and book you a quick call with Steve, the site manager.",
  },
  { speaker: 'user', text: 'Cheers, speak soon.' },
];

const CONFIRMATION_TURNS: Turn[] = [
  {
    speaker: 'agent',
    text: "Hi Dave, it's Emma from Northpoint. Just calling to confirm your start on Monday at Canary Wharf.",
  },
  { speaker: 'user', text: 'Hiya. Yes all sorted, I’ll be there for 7:30.' },
  {
    speaker: 'agent',
    text: 'Great. Have you got your CSCS card and passport handy for the induction?',
  },
  { speaker: 'user', text: "Yep, both in the van.\nI'll bring my gas card as well just in case." },
  {
    speaker: 'agent',
    text: "Perfect. I'll ask you to send photos so compliance can pre-check them. Thanks Dave!",
  },
  { speaker: 'user', text: 'No problem, ta-ra.' },
];

const DAVE_START = 8650; // minutes ago: the first (missed) call

function daveScript(): Script {
  const at = (minutesAgo: number) => Math.round((DAVE_START - minutesAgo) * MINUTE);
  const lines = (list: Line[]): ScriptEvent[] =>
    list.map(([ago, who, text]) => ({ kind: 'message', at: at(ago), sender: who, text }));
  const events: ScriptEvent[] = [
    {
      kind: 'call',
      at: 0,
      status: 'no-answer',
      durationSec: null,
      turns: [],
      facts: { purpose: 'first-contact', answers: {} },
    },
    ...lines(DAVE_BEFORE_SCREENING_CALL),
    {
      kind: 'call',
      at: at(7128),
      status: 'completed',
      durationSec: 246,
      turns: SCREENING_TURNS,
      facts: {
        purpose: 'screening',
        answers: { availability_confirmed: 'Monday', day_rate: 255 },
      },
    },
    ...lines(DAVE_BEFORE_BOOKING),
    {
      kind: 'message',
      at: at(7059.5),
      sender: 'agent',
      text: '',
      toolCall: {
        id: 'call_dave_book_interview',
        name: 'book_interview',
        args: { day: 'Thursday', time: '5:15pm', manager: 'Steve' },
      },
    },
    {
      kind: 'message',
      at: at(7059.4),
      sender: 'tool',
      text: JSON.stringify({ status: 'booked', day: 'Thursday', time: '5:15pm', manager: 'Steve' }),
      toolCallId: 'call_dave_book_interview',
      toolName: 'book_interview',
    },
    ...lines(DAVE_AFTER_BOOKING),
    {
      kind: 'call',
      at: at(2700),
      status: 'completed',
      durationSec: 94,
      turns: CONFIRMATION_TURNS,
      facts: {
        purpose: 'confirmation',
        answers: { availability_confirmed: 'Monday' },
      },
    },
    ...lines(DAVE_AFTER_CONFIRMATION),
  ];
  const achieved = (
    minutesAgo: number,
    source: Achievement['source'],
    value?: Achievement['value'],
  ): Achievement => ({
    at: at(minutesAgo),
    source,
    achieved: true,
    ...(value === undefined ? {} : { value }),
  });
  return {
    events,
    achievements: new Map([
      ['replied', achieved(8530, 'chat')],
      ['interested', achieved(8530, 'chat')],
      ['has_qualification', achieved(8515, 'chat')],
      ['right_to_work', achieved(8470, 'chat')],
      ['day_rate', achieved(7150, 'chat', 255)],
      ['availability_confirmed', achieved(7126, 'call', 'Monday')],
      ['interview_booked', achieved(7059, 'chat')],
    ]),
    booked: true,
    starting: true,
    startConfirmed: false,
    endsWithUser: false,
  };
}

export function exampleSessions(rng: Rng): { spec: SessionSpec; candidate: ExampleCandidate }[] {
  const plumbers = campaignByName(DEMO_EXAMPLES.campaign);
  const dave = DEMO_EXAMPLES.phone;
  const sarah = `+${DEMO_EXAMPLES.sessionId.replace(/^general_/, '')}`;
  const sarahName = { first: 'Sarah', last: 'Mitchell' };
  return [
    {
      spec: {
        sessionId: `${plumbers.slug}_${phoneDigits(dave)}`,
        phone: dave,
        campaign: plumbers,
        campaignColumn: plumbers.name,
        status: 'active',
        script: daveScript(),
        format: 'langchain',
        objectiveStyle: 'mixed',
        lastAgo: Math.round(2.8 * MINUTE),
        anyHour: true,
        first: 'Dave',
        sessionPhone: dave,
        // The agent added him twice, the second time from a spreadsheet.
        numberPhones: [formatPhone(dave, 'spaced'), formatPhone(dave, 'national')],
        callPhone: dave,
        recordingFiles: [null, 'call-02.wav', 'call-04.wav'],
      },
      candidate: {
        name: { first: 'Dave', last: 'Thompson' },
        email: 'dave.thompson84@gmail.com',
        jobTitle: 'Commercial Plumber – Canary Wharf fit-out',
        stage: 'offer',
        notes: [
          {
            author: 'recruiter@demo.local',
            minutesAgo: 7100,
            body: 'Spoke to Dave on the phone – very keen, NVQ 3, unvented and G3. Negotiated £255/day with the client.',
          },
          {
            author: 'manager@demo.local',
            minutesAgo: 4000,
            body: 'Steve rated the interview call highly. Offer approved at £255/day CIS.',
          },
          {
            author: 'recruiter@demo.local',
            minutesAgo: 1400,
            body: 'Passport and CSCS card received and checked ✅ Starts Monday, induction 7:30am Gate 3.',
          },
        ],
      },
    },
    {
      spec: {
        sessionId: DEMO_EXAMPLES.sessionId,
        phone: sarah,
        campaign: plumbers,
        campaignColumn: plumbers.name,
        status: 'completed',
        script: buildConversation(rng.fork('general-example'), {
          campaign: plumbers,
          name: sarahName,
          status: 'completed',
          inbound: true,
          happyPath: true,
        }),
        // A WhatsApp bridge's log: `{sender, text}` rows (fixtures/messages.json).
        format: 'sender',
        objectiveStyle: 'boolean',
        lastAgo: 5 * 60 * MINUTE,
        first: sarahName.first,
        sessionPhone: sarah,
        numberPhones: [formatPhone(sarah, 'digits')],
        callPhone: formatPhone(sarah, 'digits'),
      },
      candidate: {
        name: sarahName,
        email: 'sarah.mitchell@outlook.com',
        jobTitle: 'Maintenance Plumber',
        stage: 'interview',
        notes: [
          {
            author: 'recruiter@demo.local',
            minutesAgo: 600,
            body: 'Came in through the Indeed advert. Good maintenance background, booked with the site manager.',
          },
        ],
      },
    },
  ];
}
