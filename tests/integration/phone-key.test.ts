import { describe, expect, it } from 'vitest';
import phones from '@/lib/normalizers/fixtures/phones.json';
import { normalizePhone } from '@/lib/normalizers';
import { createRng } from '../../stack/demo/random';
import { withDb } from '../support/clients';

// One person, one key: the SQL phone_key (…_common_baseline.sql), which joins rows in Postgres,
// must say exactly what the dashboard's normalizePhone says, or a candidate found in one place is
// lost in another. Checked on the fixtures and on generated forms of generated numbers.

/** Phones as agents, imports and people write them, with some that are no phone at all. */
function generatedForms(count: number, seed: number): string[] {
  const rng = createRng(seed);
  const random = () => rng.next();
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const forms: string[] = [];
  for (let i = 0; i < count; i++) {
    const national = pick(['7', '7', '20', '1', '3', '8']) + digits(pick([7, 8, 9, 10]));
    const spaced = national.replace(/^(\d{4})(\d+)/, '$1 $2');
    const intl = pick(['1415', '353', '49', '33']) + digits(pick([6, 8, 10, 13]));
    forms.push(
      pick([
        `+44${national}`,
        `44${national}`,
        `0${national}`,
        `+44 ${spaced}`,
        `+44 (0)${spaced}`,
        `0044 ${spaced}`,
        `whatsapp:+44${national}`,
        `WhatsApp:+44 ${spaced}`,
        ` +44-${national.slice(0, 3)}-${national.slice(3)} `,
        `44${national}@c.us`,
        `44${national}@s.whatsapp.net`,
        `tel:0${national}`,
        `+44 0${national}`,
        `+${intl}`,
        `00${intl}`,
        intl,
        `(0${national.slice(0, 4)}) ${national.slice(4)}`,
        `0${national}.`,
        `+44 ${national} ext`,
        `+${digits(pick([2, 5, 16, 20]))}`,
        pick(['', ' ', 'hello', '+', '++447853723604', '٠٧٨٥٣٧٢٣٦٠٤', '07853 723604 📞', 'null']),
      ]),
    );
  }
  return forms;
}

describe('phone_key (SQL) and normalizePhone (TypeScript)', () => {
  it('agree on every fixture and on 2,000 generated forms', async () => {
    const inputs = [...phones.map((p) => p.input), ...generatedForms(2_000, 20261203)];
    const sql = await withDb(async (db) => {
      const { rows } = await db.query<{ input: string; key: string | null }>(
        'select input, public.phone_key(input) as key from unnest($1::text[]) as input',
        [inputs],
      );
      return rows;
    });
    const disagreements = sql.flatMap(({ input, key }) => {
      const result = normalizePhone(input);
      const expected = result.ok ? result.e164 : null;
      return expected === key ? [] : [{ input, sql: key, typescript: expected }];
    });
    expect(disagreements).toEqual([]);
    // The generator makes both kinds, so agreement means something on each side.
    expect(sql.filter((r) => r.key !== null).length).toBeGreaterThan(800);
    expect(sql.filter((r) => r.key === null).length).toBeGreaterThan(50);
  });
});
