import { faultBackoffMs, isConnectionLoss } from '../../../../platform/db';
import { webhookErrors } from '../../errors';

/** Writes retried on a fresh connection before the batch's requests are refused. */
const RETRIES_ON_CONNECTION_LOSS = 3;

/**
 * In-process group commit: rows queued within `lingerMs` (or until `maxRows`) are written by one
 * multi-row INSERT, and each caller's promise settles when that INSERT has committed. Up to
 * `maxInFlight` flushes run at once (a connection each), so a slow commit does not stall intake.
 * A write that failed because its connection died is retried on a fresh one (the pool replaces
 * it), so a dropped connection delays answers by milliseconds instead of refusing them; if the
 * database stays unreachable the callers get 503, never a success for rows that were not stored.
 * (A retry after a COMMIT whose answer was lost stores the envelope twice; processing treats the
 * copy as a redelivery.)
 */
export class GroupCommitter<T> {
  private pending: { row: T; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private inFlight = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(
    private readonly write: (rows: T[]) => Promise<void>,
    private readonly options: { lingerMs: number; maxRows: number; maxInFlight: number },
  ) {}

  add(row: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ row, resolve, reject });
      if (this.pending.length >= this.options.maxRows) this.flushSoon(0);
      else this.flushSoon(this.options.lingerMs);
    });
  }

  private flushSoon(delay: number) {
    if (delay === 0) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      void this.flush();
      return;
    }
    if (!this.timer) this.timer = setTimeout(() => ((this.timer = null), void this.flush()), delay);
  }

  private async writeRetrying(rows: T[]): Promise<void> {
    for (let failures = 0; ; failures++) {
      try {
        return await this.write(rows);
      } catch (error) {
        if (!isConnectionLoss(error) || failures >= RETRIES_ON_CONNECTION_LOSS) throw error;
        await new Promise((resolve) => setTimeout(resolve, faultBackoffMs(failures + 1, 500)));
      }
    }
  }

  private async flush(): Promise<void> {
    if (!this.pending.length) return;
    if (this.inFlight >= this.options.maxInFlight) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
      if (!this.pending.length) return;
    }
    const batch = this.pending.splice(0, this.options.maxRows);
    this.inFlight += 1;
    try {
      await this.writeRetrying(batch.map((b) => b.row));
      for (const b of batch) b.resolve();
    } catch (error) {
      const refusal = isConnectionLoss(error) ? webhookErrors.storageUnavailable() : error;
      for (const b of batch) b.reject(refusal);
    } finally {
      this.inFlight -= 1;
      this.waiters.shift()?.();
      if (this.pending.length && !this.timer) this.flushSoon(this.pending.length >= this.options.maxRows ? 0 : this.options.lingerMs);
    }
  }
}
