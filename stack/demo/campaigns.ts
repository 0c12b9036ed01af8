import type { ObjectiveDefinition } from './types';

// The four demo campaigns and the trade-specific wording the agent and candidates use in them.
// Everything trade-specific lives here so the conversation code stays trade-agnostic.

export interface Question {
  /** What the agent asks (over WhatsApp or on a call). */
  ask: readonly string[];
  yes: readonly string[];
  no: readonly string[];
}

export interface TradeCampaign {
  name: string;
  /** Session-id prefix, as the agent writes it: `plumber_london_447700900123`. */
  slug: string;
  trade: string;
  tradePlural: string;
  /** "plumbing", as in "plumbing work". */
  work: string;
  city: string;
  areas: readonly string[];
  projects: readonly string[];
  /** Day rate range in pounds. */
  rate: readonly [number, number];
  status: 'active' | 'paused';
  description: string;
  objectives: readonly ObjectiveDefinition[];
  qualification: Question & { short: string };
  /** A trade-specific extra check, keyed by its objective. */
  extra?: Question & { key: string };
  managers: readonly string[];
  /** Share of the demo sessions. */
  weight: number;
  createdDaysAgo: number;
}

const objective = (key: string, label: string): ObjectiveDefinition => ({ key, label });

export const CAMPAIGNS: readonly TradeCampaign[] = [
  {
    name: 'Plumber - London',
    slug: 'plumber_london',
    trade: 'Plumber',
    tradePlural: 'plumbers',
    work: 'plumbing',
    city: 'London',
    areas: ['Canary Wharf', 'Stratford', 'Croydon', 'Wembley', "King's Cross", 'Battersea'],
    projects: [
      'commercial fit-out',
      'new-build block of flats',
      'hospital refurbishment',
      'school extension',
    ],
    rate: [200, 260],
    status: 'active',
    description:
      'Qualified plumbers (NVQ Level 3) for commercial and new-build sites across London. CIS, £200–£260/day, 3–6 month contracts.',
    objectives: [
      objective('replied', 'Replied'),
      objective('interested', 'Interested in the role'),
      objective('has_qualification', 'NVQ Level 3 Plumbing'),
      objective('right_to_work', 'Right to work in the UK'),
      objective('availability_confirmed', 'Availability confirmed'),
      objective('interview_booked', 'Interview booked'),
    ],
    qualification: {
      short: 'NVQ Level 3',
      ask: [
        'Great! Do you hold an NVQ Level 2 or 3 in plumbing?',
        'Brilliant. Have you got your NVQ Level 3 and a CSCS card?',
        'Can I ask what plumbing qualifications you hold? The client is asking for NVQ Level 3.',
      ],
      yes: [
        "Yes NVQ level 3 and I've got my blue CSCS card",
        'Yeah, City & Guilds and NVQ 3. WRAS approved as well',
        'NVQ 3 yes, done my apprenticeship with the council',
        'Yes level 3, been qualified 12 years',
      ],
      no: [
        'No formal quals but 15 years experience',
        "Level 2 only, I'm doing my level 3 at college at the moment",
        "Not got the NVQ, I've been doing it 10 years though",
      ],
    },
    managers: ['Steve', 'Mark', 'Jason'],
    weight: 0.3,
    createdDaysAgo: 24,
  },
  {
    name: 'Electrician - Manchester',
    slug: 'electrician_manchester',
    trade: 'Electrician',
    tradePlural: 'electricians',
    work: 'electrical',
    city: 'Manchester',
    areas: ['Salford Quays', 'Ancoats', 'Trafford Park', 'Stockport', 'MediaCity', 'Oldham'],
    projects: [
      'data centre fit-out',
      'warehouse containment job',
      'student accommodation block',
      'retail refurb',
    ],
    rate: [210, 250],
    status: 'active',
    description:
      'Approved electricians with 18th Edition and a gold ECS card for commercial fit-outs in Greater Manchester. £210–£250/day.',
    objectives: [
      objective('replied', 'Replied'),
      objective('interested', 'Interested in the role'),
      objective('has_qualification', '18th Edition & gold ECS card'),
      objective('right_to_work', 'Right to work in the UK'),
      objective('day_rate_agreed', 'Day rate agreed'),
      objective('availability_confirmed', 'Availability confirmed'),
      objective('interview_booked', 'Interview booked'),
    ],
    qualification: {
      short: '18th Edition and gold card',
      ask: [
        'Are you 18th Edition qualified, and do you hold a gold ECS card?',
        'Quick one on quals: have you got your 18th Edition and a gold card?',
      ],
      yes: [
        'Yes 18th edition and gold card, also got my 2391',
        'Yeah fully qualified, AM2 done in 2019',
        'Gold card yes. 18th edition updated last year',
      ],
      no: [
        'Working towards my AM2, got 18th edition though',
        "I'm an improver, not got the gold card yet",
        'Blue card at the minute, gold card application is in',
      ],
    },
    managers: ['Gary', 'Lee', 'Andy'],
    weight: 0.27,
    createdDaysAgo: 22,
  },
  {
    name: 'Gas Engineer - Birmingham',
    slug: 'gas_engineer_birmingham',
    trade: 'Gas Engineer',
    tradePlural: 'gas engineers',
    work: 'gas',
    city: 'Birmingham',
    areas: ['Solihull', 'Edgbaston', 'Digbeth', 'Sutton Coldfield', 'Erdington', 'Selly Oak'],
    projects: [
      'social housing boiler programme',
      'domestic servicing contract',
      'commercial plant room upgrade',
    ],
    rate: [220, 280],
    status: 'active',
    description:
      'Gas Safe registered engineers for a West Midlands social-housing boiler programme. Own van preferred, £220–£280/day.',
    objectives: [
      objective('replied', 'Replied'),
      objective('interested', 'Interested in the role'),
      objective('has_qualification', 'Gas Safe registered'),
      objective('own_van', 'Own van and tools'),
      objective('availability_confirmed', 'Availability confirmed'),
      objective('interview_booked', 'Interview booked'),
    ],
    qualification: {
      short: 'Gas Safe registration',
      ask: [
        'Great! Do you hold a valid Gas Safe registration?',
        'Are you currently Gas Safe registered? Domestic is fine, commercial is a bonus.',
      ],
      yes: [
        'Yes Gas Safe registered, CCN1, CENWAT and CKR1',
        'Yep Gas Safe since 2012, domestic and commercial',
        'Yes, can send my card number over',
      ],
      no: [
        'My ACS expired in the summer, renewing it next month',
        'Not at the moment, I let it lapse when I went abroad',
      ],
    },
    extra: {
      key: 'own_van',
      ask: [
        'Have you got your own van and tools?',
        'Do you have your own van? The jobs are spread across the city.',
      ],
      yes: ['Yes own van, fully kitted out', 'Yeah van and all my own kit', 'Got a Transit, yes'],
      no: [
        'No van at the moment, I get the bus or a lift',
        'No, my van got written off last month',
      ],
    },
    managers: ['Rob', 'Darren', 'Imran'],
    weight: 0.23,
    createdDaysAgo: 20,
  },
  {
    name: 'Carpenter - Leeds',
    slug: 'carpenter_leeds',
    trade: 'Carpenter',
    tradePlural: 'carpenters',
    work: 'carpentry',
    city: 'Leeds',
    areas: ['Headingley', 'Holbeck', 'Kirkstall', 'Roundhay', 'Wakefield', 'Bradford'],
    projects: [
      'first and second fix on a housing estate',
      'hotel refurbishment',
      'timber-frame new-build',
    ],
    rate: [180, 230],
    status: 'paused',
    description:
      'First and second fix carpenters for housing developments around Leeds. Paused while the client confirms phase 2.',
    objectives: [
      objective('replied', 'Replied'),
      objective('interested', 'Interested in the role'),
      objective('has_qualification', 'CSCS card'),
      objective('right_to_work', 'Right to work in the UK'),
      objective('availability_confirmed', 'Availability confirmed'),
      objective('interview_booked', 'Interview booked'),
    ],
    qualification: {
      short: 'CSCS card',
      ask: [
        'Do you have a valid CSCS card?',
        'Have you got an in-date CSCS card? The site is strict on it.',
      ],
      yes: [
        'Yes blue CSCS card, NVQ level 2 carpentry',
        'Yeah gold card, been doing first and second fix for 12 years',
        'Yes card is in date till 2028',
      ],
      no: [
        'My card ran out, got the test booked for the 3rd',
        "Haven't got one, never needed it on domestic jobs",
      ],
    },
    managers: ['Craig', 'Neil', 'Paul'],
    weight: 0.2,
    createdDaysAgo: 21,
  },
];

export function campaignByName(name: string): TradeCampaign {
  const campaign = CAMPAIGNS.find((c) => c.name === name);
  if (!campaign) throw new Error(`unknown demo campaign ${name}`);
  return campaign;
}

/** Jobs in the app database: two per campaign's trade, in or near its city. */
export const JOBS: readonly { title: string; trade: string; location: string; campaign: string }[] =
  [
    {
      title: 'Commercial Plumber – Canary Wharf fit-out',
      trade: 'Plumber',
      location: 'London',
      campaign: 'Plumber - London',
    },
    {
      title: 'Maintenance Plumber',
      trade: 'Plumber',
      location: 'Croydon',
      campaign: 'Plumber - London',
    },
    {
      title: 'Approved Electrician – data centre',
      trade: 'Electrician',
      location: 'Manchester',
      campaign: 'Electrician - Manchester',
    },
    {
      title: 'Electrician – student accommodation',
      trade: 'Electrician',
      location: 'Salford',
      campaign: 'Electrician - Manchester',
    },
    {
      title: 'Gas Engineer – boiler replacement programme',
      trade: 'Gas Engineer',
      location: 'Birmingham',
      campaign: 'Gas Engineer - Birmingham',
    },
    {
      title: 'Commercial Gas Engineer',
      trade: 'Gas Engineer',
      location: 'Solihull',
      campaign: 'Gas Engineer - Birmingham',
    },
    {
      title: 'Site Carpenter – first fix',
      trade: 'Carpenter',
      location: 'Leeds',
      campaign: 'Carpenter - Leeds',
    },
    {
      title: 'Second-Fix Carpenter',
      trade: 'Carpenter',
      location: 'Wakefield',
      campaign: 'Carpenter - Leeds',
    },
  ];
