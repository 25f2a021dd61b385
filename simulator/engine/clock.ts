// The simulator's own clock: real time plus an offset that POST /_sim/clock moves forward.
// It drives emitted timestamps, service windows, rate limits and media expiry; timers that
// pace webhooks keep running on real time.

export class SimClock {
  private offsetMs = 0;

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
}
