// Token bucket: `capacity` tokens, refilled at `ratePerSecond`. Throughput uses a 1-second
// burst (capacity = rate) so a sender pacing at exactly the rate is never refused; the pair
// limit uses capacity 45 refilled at 1 per 6 s, Meta's "borrowed" burst.

export class TokenBucket {
  private tokens: number;
  private updatedAtMs: number;

  constructor(
    private capacity: number,
    private ratePerSecond: number,
    nowMs: number,
  ) {
    this.tokens = capacity;
    this.updatedAtMs = nowMs;
  }

  tryTake(nowMs: number): boolean {
    this.refill(nowMs);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  reconfigure(capacity: number, ratePerSecond: number, nowMs: number): void {
    this.refill(nowMs);
    this.capacity = capacity;
    this.ratePerSecond = ratePerSecond;
    this.tokens = Math.min(this.tokens, capacity);
  }

  private refill(nowMs: number): void {
    const elapsed = nowMs - this.updatedAtMs;
    if (elapsed <= 0) return;
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed / 1000) * this.ratePerSecond);
    this.updatedAtMs = nowMs;
  }
}
