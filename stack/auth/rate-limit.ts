/**
 * Token buckets, as GoTrue limits its endpoints: each key (an IP address, an e-mail) holds up to
 * `capacity` requests, refilled evenly over `windowSeconds`, so a burst of `capacity` passes and
 * then one request per window/capacity.
 */
export interface RateRule {
  capacity: number;
  windowSeconds: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

/** Full buckets are forgotten once this many keys are held, so a flood of keys cannot grow memory. */
const PRUNE_AT = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly rule: RateRule,
    private readonly now: () => number = Date.now,
  ) {}

  private bucket(key: string): Bucket {
    const now = this.now();
    const { capacity, windowSeconds } = this.rule;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, updated: now };
    const refill = ((now - bucket.updated) / 1000 / windowSeconds) * capacity;
    bucket.tokens = Math.min(capacity, bucket.tokens + refill);
    bucket.updated = now;
    return bucket;
  }

  /** Seconds until a request for `key` is allowed again, or 0 when it is allowed now. */
  retryAfter(key: string): number {
    const bucket = this.bucket(key);
    if (bucket.tokens >= 1) return 0;
    const seconds = ((1 - bucket.tokens) * this.rule.windowSeconds) / this.rule.capacity;
    return Math.ceil(seconds - 1e-9); // whole seconds, as Retry-After wants, despite float error
  }

  /** Counts one request for `key`; returns what retryAfter would have said before it. */
  take(key: string): number {
    const wait = this.retryAfter(key);
    if (wait > 0) return wait;
    if (this.buckets.size >= PRUNE_AT) this.prune();
    const bucket = this.bucket(key);
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    return 0;
  }

  private prune() {
    for (const [key] of this.buckets)
      if (this.bucket(key).tokens >= this.rule.capacity) this.buckets.delete(key);
  }
}
