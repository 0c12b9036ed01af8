import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('lets a burst of `capacity` through, then one request per window/capacity', () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 30, windowSeconds: 300 }, () => now);
    for (let i = 0; i < 30; i++) expect(limiter.take('1.2.3.4')).toBe(0);
    expect(limiter.take('1.2.3.4')).toBe(10); // one token comes back every 300/30 s
    expect(limiter.take('5.6.7.8')).toBe(0); // keys are independent
    now += 9_000;
    expect(limiter.retryAfter('1.2.3.4')).toBe(1);
    now += 1_000;
    expect(limiter.take('1.2.3.4')).toBe(0);
    expect(limiter.take('1.2.3.4')).toBe(10);
  });

  it('retryAfter looks without counting', () => {
    const limiter = new RateLimiter({ capacity: 1, windowSeconds: 60 }, () => 0);
    expect(limiter.retryAfter('a')).toBe(0);
    expect(limiter.retryAfter('a')).toBe(0);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.retryAfter('a')).toBe(60);
  });
});
