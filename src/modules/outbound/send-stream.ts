import { withTenant } from '../../platform/db';
import { clientFor, loadChannelCredentialsById, type CloudApiClient, type OutboundMessage } from '../channels';
import { recordSendOutcomes, type SendOutcome } from '../inbox';
import { resolveWorkspaceChannel } from '../templates';
import { classifySendFailure } from './classify-send-failure';
import { REQUEST_CONTEXT, type OutboundDeps } from './deps';
import { resolveOutboundMedia } from './resolve-outbound-media';
import { acquireLease, claimDue, hasOpenWork, markUncertain, orphanedInflight, releaseLease, removeSettled, requeue, type ClaimedRow } from './outbound.repository';
import { TokenBucket } from './token-bucket';
import { settleUncertain } from './settle-uncertain';

const LEASE_MS = 15_000;
const HEARTBEAT_MS = 5_000;
/**
 * Results are written when this many wait or the oldest has waited FLUSH_MAX_AGE_MS: at 1,000
 * sends/s that is a write every ~64 ms, at 80/s every 100 ms (a write every 25 ms carried two
 * results at 80/s, and per-transaction work was most of the database's time). A crash before a
 * write loses nothing: its rows stay in flight, become uncertain and are settled by status webhooks.
 */
const FLUSH_BATCH = 64;
const FLUSH_MAX_AGE_MS = 100;
const FLUSH_CHECK_MS = 10;
const SETTLE_EVERY_MS = 5_000;
const jitter = (ms: number) => Math.round(ms * (0.8 + Math.random() * 0.4));

interface Claimed {
  row: ClaimedRow;
  request: OutboundMessage;
}

interface Result {
  outcome?: SendOutcome;
  settle?: 'done' | 'uncertain';
  retry?: { at: Date; refund?: boolean };
  messageId: string;
}

/**
 * One channel's send stream, run by the lease's owner: claims due rows in batches, paces them
 * through the token bucket and per-recipient blocks, dispatches with bounded concurrency and
 * writes results in batches. Ends when the channel has no work left or the lease is lost.
 */
export class SendStream {
  #bucket = new TokenBucket(80);
  #client: CloudApiClient | undefined;
  #blocked = new Map<string, { until: number; strikes: number }>();
  #results: Result[] = [];
  #oldestResultAt = 0;
  #flushing: Promise<void> | undefined;
  #inflight = 0;
  #stopped = false;
  #leaseAt = 0;
  #settledAt = 0;
  readonly done: Promise<void>;

  constructor(private readonly deps: OutboundDeps, readonly workspaceId: string, readonly channelId: string, private readonly owner: string) {
    this.done = this.#run().catch((error: unknown) => deps.logger.error({ err: error, workspaceId, channelId }, 'send stream failed'));
  }

  stop(): void {
    this.#stopped = true;
  }

  async #run(): Promise<void> {
    const { deps, workspaceId, channelId } = this;
    const creds = await loadChannelCredentialsById(deps.channels, workspaceId, channelId);
    if (!creds) return;
    this.#client = clientFor(deps.channels, creds);
    await this.#renew();
    // Rows left in flight by a dead owner may have been sent: uncertain, never resent.
    const orphans = await withTenant(deps.db, workspaceId, (tx) => orphanedInflight(tx, workspaceId, channelId, deps.clock.now()));
    if (orphans.length) await this.#write(orphans.map((messageId) => ({ messageId, outcome: { messageId, status: 'uncertain' } })));
    const flusher = setInterval(() => {
      if (this.#results.length >= FLUSH_BATCH || (this.#results.length && Date.now() - this.#oldestResultAt >= FLUSH_MAX_AGE_MS)) void this.#flush();
    }, FLUSH_CHECK_MS);
    try {
      while (!this.#stopped) {
        if (Date.now() - this.#leaseAt > HEARTBEAT_MS && !(await this.#renew())) break;
        if (Date.now() - this.#settledAt > SETTLE_EVERY_MS) await this.#settle();
        const batch = this.#inflight < this.#maxInflight() ? await this.#claim() : [];
        if (!batch.length) {
          if (this.#inflight === 0 && !this.#results.length && (await this.#idle())) break;
          await sleep(this.#inflight ? 5 : 50);
          continue;
        }
        for (const [i, claimed] of batch.entries()) {
          if (this.#stopped) {
            // Claimed but never sent: back to pending for the next owner, not left to become uncertain.
            for (const { row } of batch.slice(i)) this.#result({ messageId: row.message_id, retry: { at: this.deps.clock.now(), refund: true } });
            break;
          }
          await this.#dispatch(claimed);
        }
      }
      while (this.#inflight > 0) await sleep(5);
    } finally {
      clearInterval(flusher);
      // The running flush, then what arrived after it (a few tries if the database is failing).
      for (let i = 0; i < 5 && (this.#results.length || this.#flushing); i++) await this.#flush();
      await withTenant(deps.db, workspaceId, (tx) => releaseLease(tx, workspaceId, channelId, this.owner)).catch(() => undefined);
    }
  }

  /**
   * Requests in flight at most: a second of the ceiling. The window caps the rate at
   * window / latency, so a quarter second's worth (20 at 80 mps) fell short whenever Graph took
   * over 250 ms to answer. Rows are still claimed only as tokens allow.
   */
  #maxInflight(): number {
    return Math.max(32, Math.ceil(this.#bucket.ceiling));
  }

  async #renew(): Promise<boolean> {
    const { deps, workspaceId, channelId } = this;
    const now = deps.clock.now();
    const ok = await withTenant(deps.db, workspaceId, async (tx) => {
      const channel = await resolveWorkspaceChannel(tx, workspaceId, channelId);
      this.#bucket.setCeiling(Math.max(1, channel.throughputMps));
      return acquireLease(tx, workspaceId, channelId, this.owner, now, new Date(now.getTime() + LEASE_MS));
    });
    this.#leaseAt = Date.now();
    return ok;
  }

  /**
   * Claims only what the bucket lets out now (rows marked in flight are dispatched within
   * milliseconds, so a crash leaves almost nothing uncertain) and opens the sealed requests in
   * the same transaction.
   */
  async #claim(): Promise<Claimed[]> {
    // Claim in steps of ~20 ms of throughput, not one row per transaction.
    const step = Math.max(1, Math.ceil(this.#bucket.rate / 50));
    const short = step - this.#bucket.available();
    if (short > 0) await sleep(Math.min(100, Math.ceil((short / this.#bucket.rate) * 1000)));
    const n = Math.min(this.#maxInflight() - this.#inflight, Math.max(1, this.#bucket.available()));
    const { deps, workspaceId, channelId } = this;
    return withTenant(deps.db, workspaceId, async (tx) => {
      const rows = await claimDue(tx, workspaceId, channelId, deps.clock.now(), n);
      await deps.keyring.preloadKeysOf(tx, workspaceId, rows.map((r) => r.request));
      const out: Claimed[] = [];
      for (const row of rows) out.push({ row, request: await deps.keyring.decryptJson<OutboundMessage>(tx, workspaceId, row.request, REQUEST_CONTEXT) });
      return out;
    });
  }

  async #idle(): Promise<boolean> {
    const { deps, workspaceId, channelId } = this;
    await this.#settle();
    return !(await withTenant(deps.db, workspaceId, (tx) => hasOpenWork(tx, workspaceId, channelId)));
  }

  async #settle(): Promise<void> {
    this.#settledAt = Date.now();
    await settleUncertain(this.deps, this.workspaceId, this.channelId);
  }

  async #dispatch({ row, request }: Claimed): Promise<void> {
    const block = this.#blocked.get(row.contact_id);
    if (block && block.until > Date.now()) {
      this.#result({ messageId: row.message_id, retry: { at: new Date(this.deps.clock.now().getTime() + (block.until - Date.now())), refund: true } });
      return;
    }
    for (let wait = this.#bucket.tryTake(); wait > 0; wait = this.#bucket.tryTake()) await sleep(wait);
    this.#inflight += 1;
    void this.#send(row, request).finally(() => (this.#inflight -= 1));
  }

  async #send(row: ClaimedRow, request: OutboundMessage): Promise<void> {
    const { deps } = this;
    const messageId = row.message_id;
    try {
      const sent = await this.#client!.sendMessage(await resolveOutboundMedia(deps, this.workspaceId, this.#client!, request));
      this.#blocked.delete(row.contact_id);
      this.#result({ messageId, outcome: { messageId, status: 'accepted', wamid: sent.wamid }, settle: 'done' });
    } catch (error) {
      const strikes = this.#blocked.get(row.contact_id)?.strikes ?? 0;
      const action = classifySendFailure(error, action0(error) === 'recipient' ? strikes : row.attempts - 1);
      if (action.kind === 'retry') {
        if (action.scope === 'phone_number') {
          // Meta's advice is a back-off; a short pause with a lower rate keeps the number near its ceiling.
          this.#bucket.throttled(jitter(Math.min(action.delayMs, 250)));
          this.#result({ messageId, retry: { at: new Date(deps.clock.now().getTime() + jitter(Math.min(action.delayMs, 250))), refund: true } });
          return;
        }
        if (action.scope === 'recipient') {
          const delay = jitter(action.delayMs);
          this.#blocked.set(row.contact_id, { until: Date.now() + delay, strikes: strikes + 1 });
          if (strikes < action.maxRetries) {
            this.#result({ messageId, retry: { at: new Date(deps.clock.now().getTime() + delay), refund: true } });
            return;
          }
        } else if (row.attempts - 1 < action.maxRetries) {
          this.#result({ messageId, retry: { at: new Date(deps.clock.now().getTime() + jitter(action.delayMs)) } });
          return;
        }
        this.#result({ messageId, outcome: { messageId, status: 'failed', error: action.error }, settle: 'done' });
        return;
      }
      if (action.kind === 'uncertain') this.#result({ messageId, outcome: { messageId, status: 'uncertain' }, settle: 'uncertain' });
      else this.#result({ messageId, outcome: { messageId, status: 'failed', error: action.error }, settle: 'done' });
    }
  }

  #result(result: Result): void {
    if (!this.#results.length) this.#oldestResultAt = Date.now();
    this.#results.push(result);
  }

  /** One flush at a time; a failed write keeps its results for the next one (their rows stay in flight meanwhile). */
  #flush(): Promise<void> {
    this.#flushing ??= (async () => {
      const results = this.#results.splice(0);
      if (!results.length) return;
      try {
        await this.#write(results);
      } catch (error) {
        this.#results.unshift(...results);
        this.deps.logger.warn({ err: error, channelId: this.channelId }, 'send results write failed; retrying');
      }
    })().finally(() => (this.#flushing = undefined));
    return this.#flushing;
  }

  async #write(results: Result[]): Promise<void> {
    const { deps, workspaceId } = this;
    const now = deps.clock.now();
    await withTenant(deps.db, workspaceId, async (tx) => {
      await recordSendOutcomes(tx, workspaceId, results.flatMap((r) => (r.outcome ? [r.outcome] : [])), now);
      await removeSettled(tx, workspaceId, results.filter((r) => r.settle === 'done').map((r) => r.messageId));
      await markUncertain(tx, workspaceId, results.filter((r) => r.settle === 'uncertain' || (!r.settle && r.outcome?.status === 'uncertain')).map((r) => r.messageId));
      await requeue(tx, workspaceId, results.flatMap((r) => (r.retry ? [{ messageId: r.messageId, ...r.retry }] : [])));
    });
  }
}

function action0(error: unknown): string | undefined {
  return (error as { retry?: { scope?: string } } | null)?.retry?.scope;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
