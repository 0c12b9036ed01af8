import { describe, expect, it } from 'vitest';
import { mailtoHref } from './urls';

// A seeded generator of address-like strings: plain addresses and every way candidate data could
// smuggle in more recipients, headers or a body.
function* candidates(seed: number, count: number) {
  let state = seed;
  const pick = <T>(items: readonly T[]) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return items[state % items.length]!;
  };
  const local = [
    'jo',
    'a.b',
    'x+tag',
    'zoë',
    "o'neil",
    'ann-marie',
    ' ',
    '?cc=e',
    ',x',
    ';x',
    '%40',
  ];
  const domain = [
    'example.com',
    'mail.co.uk',
    'localhost',
    'example.com?cc=e@v.il',
    'example.com&body=hi',
    'a.com,b@c.com',
    'x.com#y',
    'x.com/p',
    'ex ample.com',
  ];
  for (let i = 0; i < count; i += 1)
    yield `${pick(['', ' '])}${pick(local)}${pick(['', pick(local)])}${pick(['@', '@', '@@', ''])}${pick(domain)}${pick(['', ' ', '\n'])}`;
}

describe('mailtoHref', () => {
  it.each([
    ['dave.thompson@example.com', 'mailto:dave.thompson@example.com'],
    [' amy+jobs@mail.co.uk ', 'mailto:amy%2Bjobs@mail.co.uk'],
    ["o'neil@example.com", "mailto:o'neil@example.com"],
  ])('links %j as %s', (email, href) => expect(mailtoHref(email)).toBe(href));

  it.each([
    'dave@example.com?cc=boss@example.com',
    'dave@example.com&body=Pay%20now',
    'dave@example.com,boss@example.com',
    'dave@example.com;boss@example.com',
    'dave@example.com#x',
    'dave example@example.com',
    'no-at-sign.example.com',
    'dave@localhost',
    'javascript:alert(1)//@example.com',
  ])('refuses %j', (email) => expect(mailtoHref(email)).toBeNull());

  it('never yields more than one recipient, headers or a body, on 5,000 generated strings', () => {
    let linked = 0;
    for (const email of candidates(7, 5000)) {
      const href = mailtoHref(email);
      if (!href) continue;
      linked += 1;
      const url = new URL(href);
      expect(url.protocol).toBe('mailto:');
      expect(url.search + url.hash).toBe('');
      const address = decodeURIComponent(url.pathname);
      expect(address).toBe(email.trim());
      expect(address.split('@')).toHaveLength(2);
      expect(address).not.toMatch(/[,;\s?&#]/);
    }
    expect(linked).toBeGreaterThan(50);
  });
});
