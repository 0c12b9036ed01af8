import { normalizePhone } from '@/lib/normalizers';

// The small world the generator writes into: the open candidate's phone and a few others, each
// stored in every form of ../shared/fixtures/phones.json (DESIGN §4), and the candidates the app
// knows for some of them (so names are expected on the Live and campaign pages).

export const CAMPAIGN = 'Plumber - London';
/** Other campaigns a session may be in (or none): the campaign page must leave them out. */
export const OTHER_CAMPAIGNS = ['Electrician - Manchester', null] as const;

export interface Phone {
  index: number;
  e164: string;
  /** Every stored form of this phone the generator may write. */
  forms: string[];
  /** The app's candidate with this phone, or null when the app does not know it. */
  candidateName: string | null;
}

export interface World {
  seed: number;
  /** Every session id, call id and candidate of this run starts with it: cleanup goes by it. */
  prefix: string;
  phones: Phone[];
  /** The candidate whose dialog is open. */
  open: Phone;
}

/** The forms of phones.json for a UK mobile (`national` is the 10 digits after +44). */
function ukForms(national: string): string[] {
  const e164 = `+44${national}`;
  const [a, b] = [national.slice(0, 4), national.slice(4)];
  return [
    e164,
    e164.slice(1),
    `0${national}`,
    `+44 ${a} ${b}`,
    `+44 (0)${a} ${b}`,
    `0044 ${a} ${b}`,
    `whatsapp:${e164}`,
    ` ${e164.slice(0, 7)}-${b.slice(0, 3)}-${b.slice(3)} `,
  ];
}

function usForms(national: string): string[] {
  const e164 = `+1${national}`;
  return [
    e164,
    e164.slice(1),
    `whatsapp:${e164}`,
    `+1 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`,
  ];
}

export function createWorld(seed: number): World {
  const prefix = `sync_${seed}_`;
  // Ofcom's drama range is 07700 900000–900999 (the demo data's); these sit just above it, so no
  // other test's rows share them. The US one is in 555-01xx, reserved for fiction.
  const uk = (i: number) => `77009${String(10000 + ((seed * 4 + i) % 89990)).padStart(5, '0')}`;
  const phones: Phone[] = [
    { forms: ukForms(uk(0)), candidateName: `Sync Open ${seed}` },
    { forms: ukForms(uk(1)), candidateName: `Sync Other ${seed}` },
    { forms: ukForms(uk(2)), candidateName: null },
    { forms: usForms(`41555501${String(seed % 100).padStart(2, '0')}`), candidateName: null },
  ].map((p, index) => ({ ...p, index, e164: p.forms[0]! }));
  for (const phone of phones)
    for (const form of phone.forms) {
      const result = normalizePhone(form);
      if (!result.ok || result.e164 !== phone.e164)
        throw new Error(`harness: ${JSON.stringify(form)} is not a form of ${phone.e164}`);
    }
  return { seed, prefix, phones, open: phones[0]! };
}
