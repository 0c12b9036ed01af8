import type { Rng } from './random';

// British names, UK mobile numbers and e-mail addresses for the demo candidates.

const FIRST_NAMES = [
  'James',
  'Oliver',
  'Jack',
  'Harry',
  'George',
  'Thomas',
  'William',
  'Daniel',
  'Matthew',
  'Liam',
  'Connor',
  'Callum',
  'Ryan',
  'Jamie',
  'Lewis',
  'Kieran',
  'Dean',
  'Craig',
  'Gary',
  'Darren',
  'Wayne',
  'Lee',
  'Mark',
  'Paul',
  'Stephen',
  'Andrew',
  'Richard',
  'Simon',
  'Neil',
  'Gareth',
  'Rhys',
  'Owen',
  'Dylan',
  'Aaron',
  'Reece',
  'Jordan',
  'Kyle',
  'Nathan',
  'Luke',
  'Adam',
  'Ben',
  'Sam',
  'Joe',
  'Alfie',
  'Charlie',
  'Archie',
  'Mohammed',
  'Imran',
  'Tariq',
  'Ravi',
  'Sanjay',
  'Kwame',
  'Tomasz',
  'Piotr',
  'Marek',
  'Declan',
  'Sean',
  'Ciaran',
  'Fraser',
  'Hamish',
  'Ross',
  'Euan',
  'Karl',
  'Shaun',
  'Martin',
  'Steven',
  'Chris',
  'Anthony',
  'Jason',
  'Terry',
  'Sarah',
  'Laura',
  'Gemma',
  'Chloe',
  'Jade',
  'Hannah',
  'Amy',
  'Kirsty',
  'Rebecca',
  'Aisha',
];

const SURNAMES = [
  'Smith',
  'Jones',
  'Williams',
  'Taylor',
  'Brown',
  'Davies',
  'Evans',
  'Wilson',
  'Roberts',
  'Robinson',
  'Wright',
  'Walker',
  'White',
  'Edwards',
  'Hughes',
  'Green',
  'Hall',
  'Lewis',
  'Harris',
  'Clarke',
  'Patel',
  'Jackson',
  'Wood',
  'Turner',
  'Martin',
  'Cooper',
  'Hill',
  'Ward',
  'Morris',
  'Moore',
  'Clark',
  'King',
  'Baker',
  'Harrison',
  'Morgan',
  'Allen',
  'Scott',
  'Phillips',
  'Watson',
  'Parker',
  'Price',
  'Bennett',
  'Young',
  'Griffiths',
  'Kelly',
  'Cook',
  'Richardson',
  'Bailey',
  'Collins',
  'Bell',
  'Shaw',
  'Murphy',
  'Miller',
  'Cox',
  'Khan',
  'Marshall',
  'Anderson',
  'Simpson',
  'Ellis',
  'Adams',
  'Singh',
  'Wilkinson',
  'Foster',
  'Chapman',
  'Powell',
  'Webb',
  'Rogers',
  'Gray',
  'Mason',
  'Ali',
  'Hunt',
  'Hussain',
  'Campbell',
  'Matthews',
  'Owen',
  'Palmer',
  'Holmes',
  'Mills',
  'Barnes',
  'Knight',
  'Lloyd',
  'Butler',
  'Russell',
  'Barker',
  'Fisher',
  'Stevens',
  'Jenkins',
  'Murray',
  'Dixon',
  'Harvey',
  'Pearson',
  'Ahmed',
  'Fletcher',
  'Walsh',
  'Gibson',
  'Howard',
  'Stewart',
  'Elliott',
  'Reynolds',
  'Payne',
  "O'Brien",
  'Doyle',
  'McCarthy',
  "O'Neill",
  'Quinn',
  'Byrne',
  'Nowak',
  'Kowalski',
  'Osei',
  'Mensah',
  'Whitehead',
  'Greenwood',
  'Hartley',
  'Barlow',
  'Sutcliffe',
  'Ackroyd',
  'Pritchard',
  'Jarvis',
  'Holt',
  'Booth',
];

const EMAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ['gmail.com', 45],
  ['hotmail.co.uk', 18],
  ['outlook.com', 12],
  ['yahoo.co.uk', 8],
  ['icloud.com', 8],
  ['btinternet.com', 5],
  ['live.co.uk', 4],
];

export interface PersonName {
  first: string;
  last: string;
}

export function randomName(rng: Rng): PersonName {
  return { first: rng.pick(FIRST_NAMES), last: rng.pick(SURNAMES) };
}

/** About one candidate in eight gave no e-mail address. */
export function randomEmail(rng: Rng, name: PersonName): string | null {
  if (rng.chance(0.12)) return null;
  const first = name.first.toLowerCase();
  const last = name.last.toLowerCase().replace(/[^a-z]/g, '');
  const local = rng.weighted<string>([
    [`${first}.${last}`, 3],
    [`${first}${last}${rng.int(70, 99)}`, 2],
    [`${first[0] ?? ''}${last}${rng.int(1, 9)}`, 2],
    [`${first}_${last}`, 1],
    [
      `${last}${first[0] ?? ''}.${rng.pick(['plumbing', 'electrics', 'building', 'joinery', 'heating'])}`,
      1,
    ],
  ]);
  return `${local}@${rng.weighted(EMAIL_DOMAINS)}`;
}

/**
 * Distinct UK mobiles from Ofcom's range reserved for drama (07700 900000–900999): they look
 * real but can never reach a real person if someone tries the demo data on a live agent.
 */
export function dramaMobiles(rng: Rng, count: number): string[] {
  if (count > 1000) throw new Error('the drama range has 1,000 numbers');
  return rng
    .shuffle(Array.from({ length: 1000 }, (_, i) => i))
    .slice(0, count)
    .map((n) => `+447700900${String(n).padStart(3, '0')}`);
}

export type PhoneForm = 'e164' | 'digits' | 'national' | 'whatsapp' | 'spaced';

/** The same number written as agents and spreadsheets write it (DESIGN §4). */
export function formatPhone(e164: string, form: PhoneForm): string {
  const digits = e164.replace(/^\+/, '');
  const national = `0${digits.slice(2)}`;
  switch (form) {
    case 'e164':
      return e164;
    case 'digits':
      return digits;
    case 'national':
      return national;
    case 'whatsapp':
      return `whatsapp:${e164}`;
    case 'spaced':
      return `+44 ${digits.slice(2, 6)} ${digits.slice(6)}`;
  }
}

/** Digits only: how the agent builds session ids (`plumber_london_447700900123`). */
export function phoneDigits(e164: string): string {
  return e164.replace(/\D/g, '');
}
