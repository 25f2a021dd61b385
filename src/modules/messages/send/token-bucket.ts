/**
 * The number's throughput: a token bucket refilled at `rate` per second holding half a second's
 * worth (Meta's bucket holds a second, so network jitter cannot push our arrivals over it). 130429
 * slows it down (adaptive backoff: ×0.9 and a short pause); it climbs back to the ceiling at 10%
 * of it per second while nothing is refused.
 */
export class TokenBucket {
  #tokens: number;
  #last: number;
  #rate: number;
  #pausedUntil = 0;
  #throttledAt = -Infinity;

  constructor(public ceiling: number, private readonly now: () => number = Date.now) {
    this.#rate = ceiling;
    this.#tokens = ceiling / 2;
    this.#last = now();
  }

  get rate(): number {
    return this.#rate;
  }

  /** The number's ceiling changed (tier, PATCH): go straight to it unless Meta refused us in the last 10 s. */
  setCeiling(ceiling: number): void {
    if (ceiling === this.ceiling) return;
    this.ceiling = ceiling;
    this.#rate = this.now() - this.#throttledAt > 10_000 ? ceiling : Math.min(this.#rate, ceiling);
  }

  #refill(t: number): void {
    const elapsed = Math.max(0, t - this.#last) / 1000;
    this.#last = t;
    this.#tokens = Math.min(Math.max(1, this.#rate / 2), this.#tokens + elapsed * this.#rate);
    // Recover 10% of the ceiling per second without refusals.
    if (this.#rate < this.ceiling) this.#rate = Math.min(this.ceiling, this.#rate + elapsed * this.ceiling * 0.1);
  }

  /** Whole tokens available now (0 while paused). */
  available(): number {
    const t = this.now();
    if (t < this.#pausedUntil) return 0;
    this.#refill(t);
    return Math.floor(this.#tokens);
  }

  /** Milliseconds until a token is available (0: one was taken). */
  tryTake(): number {
    const t = this.now();
    if (t < this.#pausedUntil) return this.#pausedUntil - t;
    this.#refill(t);
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil(((1 - this.#tokens) / this.#rate) * 1000));
  }

  /** 130429: slow down and pause the stream (refusals in the same pause count once). */
  throttled(pauseMs: number): void {
    const t = this.now();
    if (t < this.#pausedUntil) return;
    this.#throttledAt = t;
    this.#rate = Math.max(1, this.#rate * 0.9);
    this.#tokens = 0;
    this.#pausedUntil = Math.max(this.#pausedUntil, t + pauseMs);
  }
}
