import { afterAll, describe, expect, it } from 'vitest';
import { createPasswordHasher } from './password-hasher';

const hasher = createPasswordHasher(2);
afterAll(() => hasher.close());

describe('createPasswordHasher', () => {
  it('hashes and compares as bcrypt does', async () => {
    const hash = await hasher.hash('correct horse', 4);
    expect(hash).toMatch(/^\$2[aby]\$04\$/);
    expect(await hasher.compare('correct horse', hash)).toBe(true);
    expect(await hasher.compare('wrong horse', hash)).toBe(false);
  });

  it('leaves this thread free while it works', async () => {
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const hashes = await Promise.all(Array.from({ length: 8 }, () => hasher.hash('x', 10)));
    clearInterval(ticker);
    expect(hashes).toHaveLength(8);
    // Eight hashes at cost 10 are over half a second of CPU; none of it ran here.
    expect(longestGap).toBeLessThan(100);
  });

  it('a rejected job does not stop the pool', async () => {
    await expect(hasher.compare('x', 'not a bcrypt hash')).resolves.toBe(false);
    await expect(hasher.hash('x', 4)).resolves.toMatch(/^\$2/);
  });
});
