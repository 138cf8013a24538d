/** Token buckets: each caller may burst up to `burst` requests, refilled at `perMinute`. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly perMinute: number, private readonly burst: number, private readonly now: () => number = Date.now) {}

  /** Takes one request from the caller's bucket: 0 if allowed, else the seconds to wait. */
  take(key: string): number {
    const now = this.now();
    const ratePerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * ratePerMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.forgetFull(now, ratePerMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / ratePerMs / 1000);
  }

  /** Whether the caller's bucket is empty now, without taking from it. */
  isLimited(key: string): boolean {
    const bucket = this.buckets.get(key);
    if (!bucket) return false;
    return bucket.tokens + (this.now() - bucket.at) * (this.perMinute / 60_000) < 1;
  }

  /** Drops buckets that have refilled: they hold no information. */
  private forgetFull(now: number, ratePerMs: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * ratePerMs >= this.burst) this.buckets.delete(key);
    }
  }
}
