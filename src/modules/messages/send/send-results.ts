import { faultBackoffMs, withTenant } from '../../../platform/db';
import { recordSendOutcomes, type SendOutcome } from '../status/record-send-outcome';
import type { MessagesDeps } from '../deps';
import { markUncertain, releaseLostClaims, removeSettled, requeue } from './send-queue.repository';

/**
 * Results are written when this many wait or the oldest has waited FLUSH_MAX_AGE_MS: at 1,000
 * sends/s that is a write every ~64 ms, at 80/s every 100 ms (a write every 25 ms carried two
 * results at 80/s, and per-transaction work was most of the database's time).
 */
const FLUSH_BATCH = 64;
const FLUSH_MAX_AGE_MS = 100;
const FLUSH_CHECK_MS = 10;

export interface SendResult {
  messageId: string;
  /** The claim that dispatched (or dropped) the row: a requeue touches the row only while it is still in that claim. */
  claimId: string;
  outcome?: SendOutcome;
  settle?: 'done' | 'uncertain';
  retry?: { at: Date; refund?: boolean };
}

/**
 * A send stream's results, written in batches. A write that fails keeps its results, in memory and
 * in order, and is retried with backoff: a result we know (Meta accepted, or refused, the request)
 * is never given up because the database was unreachable for a while — only a process that dies
 * before writing leaves its rows in flight, to become uncertain and be settled by status webhooks.
 */
export class SendResults {
  #results: SendResult[] = [];
  #lostClaims: string[] = [];
  #oldestAt = 0;
  #flushing: Promise<boolean> | undefined;
  #failures = 0;
  #retryAt = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: MessagesDeps, private readonly workspaceId: string, private readonly channelId: string) {}

  start(): void {
    this.#timer = setInterval(() => {
      const due = this.#results.length >= FLUSH_BATCH || (this.pending && Date.now() - this.#oldestAt >= FLUSH_MAX_AGE_MS);
      if (due && Date.now() >= this.#retryAt) void this.flush();
    }, FLUSH_CHECK_MS);
  }

  /** Anything not yet written. */
  get pending(): boolean {
    return this.#results.length > 0 || this.#lostClaims.length > 0;
  }

  add(result: SendResult): void {
    if (!this.pending) this.#oldestAt = Date.now();
    this.#results.push(result);
  }

  /** A claim whose transaction failed: if it did commit after all, its rows go back to pending at the next write. */
  lostClaim(claimId: string): void {
    if (!this.pending) this.#oldestAt = Date.now();
    this.#lostClaims.push(claimId);
  }

  /** One write at a time; true when everything handed over so far is written. */
  flush(): Promise<boolean> {
    this.#flushing ??= this.#writeAll().finally(() => (this.#flushing = undefined));
    return this.#flushing;
  }

  /** Stops the timer and writes what is left, retrying with backoff for up to `timeoutMs`. */
  async close(timeoutMs: number): Promise<void> {
    clearInterval(this.#timer);
    const deadline = Date.now() + timeoutMs;
    while (this.#flushing || this.pending) {
      if ((await this.flush()) && !this.pending) return;
      if (Date.now() > deadline) {
        this.deps.logger.error({ channelId: this.channelId, results: this.#results.length }, 'send results could not be written; their rows will be settled as uncertain');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, this.#retryAt - Date.now())));
    }
  }

  async #writeAll(): Promise<boolean> {
    const results = this.#results.splice(0);
    const lost = this.#lostClaims.splice(0);
    if (!results.length && !lost.length) return true;
    try {
      await this.#write(results, lost);
      this.#failures = 0;
      return true;
    } catch (error) {
      this.#results.unshift(...results);
      this.#lostClaims.unshift(...lost);
      this.#failures += 1;
      this.#retryAt = Date.now() + faultBackoffMs(this.#failures);
      this.deps.logger.warn({ err: { message: (error as Error).message }, channelId: this.channelId, failures: this.#failures }, 'send results write failed; retrying');
      return false;
    }
  }

  async #write(results: SendResult[], lostClaims: string[]): Promise<void> {
    const { deps, workspaceId } = this;
    const now = deps.clock.now();
    await withTenant(deps.db, workspaceId, async (tx) => {
      await releaseLostClaims(tx, workspaceId, lostClaims);
      await recordSendOutcomes(tx, workspaceId, results.flatMap((r) => (r.outcome ? [r.outcome] : [])), now);
      await removeSettled(tx, workspaceId, results.filter((r) => r.settle === 'done').map((r) => r.messageId));
      await markUncertain(tx, workspaceId, results.filter((r) => r.settle === 'uncertain' || (!r.settle && r.outcome?.status === 'uncertain')).map((r) => r.messageId));
      await requeue(tx, workspaceId, results.flatMap((r) => (r.retry ? [{ messageId: r.messageId, claimId: r.claimId, ...r.retry }] : [])));
    });
  }
}
