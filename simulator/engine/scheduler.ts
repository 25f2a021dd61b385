// A timer wheel for the many short delays of status webhooks: one interval and buckets of
// callbacks instead of one setTimeout per status, so tens of thousands of pending statuses
// cost little. Runs on real time.

const TICK_MS = 10;

export class Scheduler {
  private buckets = new Map<number, Array<() => void>>();
  private timer: NodeJS.Timeout | null = null;
  private nextTick = 0;
  private closed = false;

  schedule(delayMs: number, fn: () => void): void {
    if (this.closed) return;
    // Never file into a tick the wheel has already passed.
    const tick = Math.max(Math.ceil((Date.now() + Math.max(0, delayMs)) / TICK_MS), this.timer ? this.nextTick : 0);
    const bucket = this.buckets.get(tick);
    if (bucket) bucket.push(fn);
    else this.buckets.set(tick, [fn]);
    if (!this.timer) this.start();
  }

  get pending(): number {
    let n = 0;
    for (const bucket of this.buckets.values()) n += bucket.length;
    return n;
  }

  close(): void {
    this.closed = true;
    this.buckets.clear();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private start(): void {
    this.nextTick = Math.floor(Date.now() / TICK_MS);
    this.timer = setInterval(() => this.runDue(), TICK_MS);
    this.timer.unref();
  }

  private runDue(): void {
    const nowTick = Math.floor(Date.now() / TICK_MS);
    for (; this.nextTick <= nowTick; this.nextTick++) {
      const bucket = this.buckets.get(this.nextTick);
      if (!bucket) continue;
      this.buckets.delete(this.nextTick);
      for (const fn of bucket) {
        try {
          fn();
        } catch (err) {
          // A failing callback is a simulator bug; it must not stop the other statuses.
          console.error('simulator: scheduled task failed', err);
        }
      }
    }
    if (this.buckets.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }
}
