import { randomUUID } from 'node:crypto';
import { faultBackoffMs, withTenant } from '../../../platform/db';
import { resolveWorkspaceChannel, clientFor, loadChannelCredentialsById, type CloudApiClient, type OutboundMessage } from '../../channels';
import { classifySendFailure } from './classify-send-failure';
import { claimSends, type Claimed } from './claim-sends';
import type { MessagesDeps } from '../deps';
import { CAMPAIGN_CANCELLED, CONSENT_WITHDRAWN } from './dropped-sends';
import { resolveOutboundMedia } from '../media/resolve-outbound-media';
import { acquireLease, hasOpenWork, orphanedInflight, releaseLease, type ClaimedRow, type HoldKind } from './send-queue.repository';
import { SendResults, type SendResult } from './send-results';
import { TokenBucket } from './token-bucket';
import { settleUncertain } from '../status/settle-uncertain';

const LEASE_MS = 15_000;
const HEARTBEAT_MS = 5_000;
const SETTLE_EVERY_MS = 5_000;
/** How long a stopping stream keeps retrying to write the results it holds. */
const FINAL_WRITE_MS = 30_000;
const jitter = (ms: number) => Math.round(ms * (0.8 + Math.random() * 0.4));

/**
 * One channel's send stream, run by the lease's owner: claims due rows in batches, paces them
 * through the token bucket and per-recipient blocks, dispatches with bounded concurrency and
 * writes results in batches. Ends when the channel has no work left or the lease is lost. A failed
 * query (a dropped connection, a restart) costs a backoff, never the stream or a known result.
 */
export class SendStream {
  #bucket = new TokenBucket(80);
  #client: CloudApiClient | undefined;
  #blocked = new Map<string, { until: number; strikes: number }>();
  #results: SendResults;
  #holds = new Map<string, HoldKind>();
  /** Signals received while a claim runs: they may be newer than the holds that claim read. */
  #signalled: Map<string, HoldKind | null> | undefined;
  #inflight = 0;
  #stopped = false;
  #leaseAt = 0;
  #settledAt = 0;
  readonly done: Promise<void>;

  constructor(private readonly deps: MessagesDeps, readonly workspaceId: string, readonly channelId: string, private readonly owner: string) {
    this.#results = new SendResults(deps, workspaceId, channelId);
    this.done = this.#run().catch((error: unknown) => deps.logger.error({ err: error, workspaceId, channelId }, 'send stream failed'));
  }

  stop(): void {
    this.#stopped = true;
  }

  /** A campaign of this workspace was paused or cancelled (or resumed: `null`) in this process. */
  holdChanged(campaignId: string, hold: HoldKind | null): void {
    void (hold ? this.#holds.set(campaignId, hold) : this.#holds.delete(campaignId));
    this.#signalled?.set(campaignId, hold);
  }

  async #run(): Promise<void> {
    const { deps, workspaceId, channelId } = this;
    const creds = await this.#untilDone(() => loadChannelCredentialsById(deps.channels, workspaceId, channelId));
    if (!creds) return;
    this.#client = clientFor(deps.channels, creds);
    // Another worker owns the number: its rows in flight are its own, not orphans.
    if (!(await this.#untilDone(() => this.#renew()))) return;
    this.#results.start();
    try {
      // Rows left in flight by a dead owner may have been sent: uncertain, never resent.
      const orphans = await this.#untilDone(() => withTenant(deps.db, workspaceId, (tx) => orphanedInflight(tx, workspaceId, channelId, deps.clock.now())));
      for (const messageId of orphans ?? []) this.#results.add({ messageId, claimId: '', outcome: { messageId, status: 'uncertain' } });
      await this.#loop();
    } finally {
      // Requests on the wire answer within the client's timeout; their results are written too.
      while (this.#inflight > 0) await sleep(5);
      await this.#results.close(FINAL_WRITE_MS);
      await withTenant(deps.db, workspaceId, (tx) => releaseLease(tx, workspaceId, channelId, this.owner)).catch(() => undefined);
    }
  }

  async #loop(): Promise<void> {
    for (let failures = 0; !this.#stopped; ) {
      try {
        if (Date.now() - this.#leaseAt > HEARTBEAT_MS && !(await this.#renew())) return;
        if (Date.now() - this.#settledAt > SETTLE_EVERY_MS) await this.#settle();
        const batch = this.#inflight < this.#maxInflight() ? await this.#claim() : [];
        failures = 0;
        if (!batch.length) {
          if (this.#inflight === 0 && !this.#results.pending && (await this.#idle())) return;
          await sleep(this.#inflight ? 5 : 50);
          continue;
        }
        for (const [i, claimed] of batch.entries()) {
          if (this.#stopped) {
            // Claimed but never sent: back to pending for the next owner, not left to become uncertain.
            for (const c of batch.slice(i)) this.#results.add({ messageId: c.row.message_id, claimId: c.claimId, retry: { at: this.deps.clock.now(), refund: true } });
            break;
          }
          await this.#dispatch(claimed);
        }
      } catch (error) {
        await this.#backOff(error, (failures += 1));
      }
    }
  }

  /** Retries `fn` with backoff until it succeeds; undefined if the stream is stopped first. */
  async #untilDone<T>(fn: () => Promise<T>): Promise<T | undefined> {
    for (let failures = 1; !this.#stopped; failures++) {
      try {
        return await fn();
      } catch (error) {
        await this.#backOff(error, failures);
      }
    }
    return undefined;
  }

  #backOff(error: unknown, failures: number): Promise<unknown> {
    this.deps.logger.warn({ err: { message: (error as Error).message }, channelId: this.channelId, failures }, 'send stream query failed; retrying');
    return sleep(faultBackoffMs(failures));
  }

  /**
   * Requests in flight at most: a second of the ceiling (the window caps the rate at window /
   * latency: 20 at 80 mps fell short whenever Graph took over 250 ms). Claims still follow tokens.
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
   * milliseconds, so a crash leaves almost nothing uncertain). A claim that fails may still have
   * committed: its id goes with the next results write, which puts its rows back to pending.
   */
  async #claim(): Promise<Claimed[]> {
    // Claim in steps of ~20 ms of throughput, not one row per transaction.
    const step = Math.max(1, Math.ceil(this.#bucket.rate / 50));
    const short = step - this.#bucket.available();
    if (short > 0) await sleep(Math.min(100, Math.ceil((short / this.#bucket.rate) * 1000)));
    const n = Math.min(this.#maxInflight() - this.#inflight, Math.max(1, this.#bucket.available()));
    const claimId = randomUUID();
    this.#signalled = new Map();
    try {
      const { claimed, withdrawn, holds } = await claimSends(this.deps, this.workspaceId, this.channelId, n, claimId);
      for (const [campaignId, hold] of this.#signalled) void (hold ? holds.set(campaignId, hold) : holds.delete(campaignId));
      this.#holds = holds;
      for (const { message_id: messageId } of withdrawn) this.#results.add({ messageId, claimId, outcome: { messageId, status: 'failed', error: { ...CONSENT_WITHDRAWN } }, settle: 'done' });
      return claimed;
    } catch (error) {
      this.#results.lostClaim(claimId);
      throw error;
    } finally {
      this.#signalled = undefined;
    }
  }

  async #idle(): Promise<boolean> {
    await this.#settle();
    return !(await withTenant(this.deps.db, this.workspaceId, (tx) => hasOpenWork(tx, this.workspaceId, this.channelId)));
  }

  async #settle(): Promise<void> {
    this.#settledAt = Date.now();
    await settleUncertain(this.deps, this.workspaceId, this.channelId);
  }

  /** A claimed row of a paused campaign goes back to pending (its hold keeps it there); of a cancelled one, it is dropped. */
  #droppedByHold({ row, claimId }: Claimed): boolean {
    const hold = row.campaign_id ? this.#holds.get(row.campaign_id) : undefined;
    if (!hold) return false;
    const messageId = row.message_id;
    if (hold === 'pause') this.#results.add({ messageId, claimId, retry: { at: this.deps.clock.now(), refund: true } });
    else this.#results.add({ messageId, claimId, outcome: { messageId, status: 'failed', error: { ...CAMPAIGN_CANCELLED } }, settle: 'done' });
    return true;
  }

  async #dispatch(claimed: Claimed): Promise<void> {
    const { row, claimId } = claimed;
    const block = this.#blocked.get(row.contact_id);
    if (block && block.until > Date.now()) {
      this.#result(row, claimId, { retry: { at: new Date(this.deps.clock.now().getTime() + (block.until - Date.now())), refund: true } });
      return;
    }
    if (this.#droppedByHold(claimed)) return;
    for (let wait = this.#bucket.tryTake(); wait > 0; wait = this.#bucket.tryTake()) await sleep(wait);
    // Checked again just before the request leaves: a pause acknowledged while this row waited for its token wins.
    if (this.#droppedByHold(claimed)) return;
    this.#inflight += 1;
    void this.#send(row, claimId, claimed.request).finally(() => (this.#inflight -= 1));
  }

  #result(row: ClaimedRow, claimId: string, result: Omit<SendResult, 'messageId' | 'claimId'>): void {
    this.#results.add({ messageId: row.message_id, claimId, ...result });
  }
  async #send(row: ClaimedRow, claimId: string, request: OutboundMessage): Promise<void> {
    const { deps } = this;
    const messageId = row.message_id;
    try {
      const sent = await this.#client!.sendMessage(await resolveOutboundMedia(deps, this.workspaceId, this.#client!, request));
      this.#blocked.delete(row.contact_id);
      this.#result(row, claimId, { outcome: { messageId, status: 'accepted', wamid: sent.wamid }, settle: 'done' });
    } catch (error) {
      const strikes = this.#blocked.get(row.contact_id)?.strikes ?? 0;
      const action = classifySendFailure(error, action0(error) === 'recipient' ? strikes : row.attempts - 1);
      if (action.kind === 'retry') {
        if (action.scope === 'phone_number') {
          // Meta's advice is a back-off; a short pause with a lower rate keeps the number near its ceiling.
          this.#bucket.throttled(jitter(Math.min(action.delayMs, 250)));
          this.#result(row, claimId, { retry: { at: new Date(deps.clock.now().getTime() + jitter(Math.min(action.delayMs, 250))), refund: true } });
          return;
        }
        if (action.scope === 'recipient') {
          const delay = jitter(action.delayMs);
          this.#blocked.set(row.contact_id, { until: Date.now() + delay, strikes: strikes + 1 });
          if (strikes < action.maxRetries) {
            this.#result(row, claimId, { retry: { at: new Date(deps.clock.now().getTime() + delay), refund: true } });
            return;
          }
        } else if (row.attempts - 1 < action.maxRetries) {
          this.#result(row, claimId, { retry: { at: new Date(deps.clock.now().getTime() + jitter(action.delayMs)) } });
          return;
        }
      }
      this.#result(row, claimId, action.kind === 'uncertain' ? { outcome: { messageId, status: 'uncertain' }, settle: 'uncertain' } : { outcome: { messageId, status: 'failed', error: action.error }, settle: 'done' });
    }
  }
}

function action0(error: unknown): string | undefined {
  return (error as { retry?: { scope?: string } } | null)?.retry?.scope;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
