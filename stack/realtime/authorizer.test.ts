import { describe, expect, it } from 'vitest';
import { subscriberFor } from './authorizer';

describe('subscriberFor', () => {
  const base = { sub: 'u1', role: 'authenticated', aud: 'authenticated', exp: 1, email: 'a@b.c' };

  it('keeps only what the policies read: role, sub and the staff claim', () => {
    const subscriber = subscriberFor('authenticated', {
      ...base,
      app_metadata: { provider: 'email', staff_role: 'ops' },
      user_metadata: { bio: 'x'.repeat(200_000) },
    });
    expect(subscriber.claims).toEqual({
      role: 'authenticated',
      sub: 'u1',
      app_metadata: { staff_role: 'ops' },
    });
    expect(subscriber.key.length).toBeLessThan(100);
  });

  it('tokens that differ only in what no policy reads are one claims set', () => {
    const a = subscriberFor('authenticated', { ...base, user_metadata: { n: 1 }, exp: 2 });
    const b = subscriberFor('authenticated', { ...base, user_metadata: { n: 2 }, email: 'x@y.z' });
    expect(a.key).toBe(b.key);
    expect(subscriberFor('authenticated', { ...base, sub: 'u2' }).key).not.toBe(a.key);
  });

  it('the anon key has a role and nothing else', () => {
    expect(subscriberFor('anon', { role: 'anon', iss: 'supabase-demo' }).claims).toEqual({
      role: 'anon',
    });
  });
});
