// Posts webhooks the way Meta does: updates for one destination are batched for a short
// linger, encoded with Meta's escaping, signed over the exact bytes, delivered over
// keep-alive connections with bounded concurrency, and retried with exponential backoff on
// anything but 200 until the horizon (7 days by default). At-least-once: a timeout after
// the receiver stored the body still counts as a failure and the body is sent again.
// Nothing here is awaited by the send path: enqueueing is synchronous and O(1).
import { Agent, request } from 'undici';
import type { WebhookTuning } from '../engine/options';
import { encodeMetaJson } from './meta-json';
import { signatureHeaders } from './signature';
import { buildMessagesEnvelope, type MessagesUpdate } from './envelopes';
import { DeliveryLog } from './delivery-log';

export interface Destination {
  url: string;
  appSecret: string;
}

interface Delivery {
  id: number;
  dest: Destination;
  body: Buffer;
  headers: Record<string, string>;
  phoneNumberIds: string[];
  updates: number;
  attempt: number;
  firstAttemptAtMs: number;
}

interface PendingBatch {
  dest: Destination;
  updates: MessagesUpdate[];
  timer: NodeJS.Timeout | null;
}

export class WebhookSender {
  readonly log = new DeliveryLog();
  private pending = new Map<string, PendingBatch>();
  private queue: Delivery[] = [];
  private running = 0;
  private retryTimers = new Set<NodeJS.Timeout>();
  private nextId = 1;
  private closed = false;
  private readonly agent: Agent;

  constructor(private readonly tuning: WebhookTuning) {
    this.agent = new Agent({ connections: tuning.maxConcurrent, keepAliveTimeout: 30_000 });
  }

  enqueueUpdate(dest: Destination, update: MessagesUpdate): void {
    if (this.closed) return;
    const key = dest.url + '\n' + dest.appSecret;
    let batch = this.pending.get(key);
    if (!batch) {
      batch = { dest, updates: [], timer: null };
      this.pending.set(key, batch);
    }
    batch.updates.push(update);
    if (batch.updates.length >= Math.min(this.tuning.maxUpdatesPerPost, 1000)) this.flush(key);
    else if (!batch.timer) batch.timer = setTimeout(() => this.flush(key), this.tuning.lingerMs);
  }

  /** A complete envelope, posted alone (account-level fields, tampered test bodies). */
  sendEnvelope(dest: Destination, envelope: unknown, phoneNumberIds: string[], signWithSecret = dest.appSecret): void {
    if (this.closed) return;
    this.startDelivery(dest, envelope, phoneNumberIds, 1, signWithSecret);
  }

  /** Resolves once nothing is batched, queued, in flight or waiting for a retry. */
  async idle(pollMs = 10): Promise<void> {
    while (this.pending.size > 0 || this.queue.length > 0 || this.running > 0 || this.retryTimers.size > 0) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const batch of this.pending.values()) if (batch.timer) clearTimeout(batch.timer);
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.pending.clear();
    this.retryTimers.clear();
    this.queue = [];
    await this.agent.destroy();
  }

  private flush(key: string): void {
    const batch = this.pending.get(key);
    if (!batch) return;
    this.pending.delete(key);
    if (batch.timer) clearTimeout(batch.timer);
    const ids = [...new Set(batch.updates.map((u) => u.phoneNumberId))];
    this.startDelivery(batch.dest, buildMessagesEnvelope(batch.updates), ids, batch.updates.length, batch.dest.appSecret);
  }

  private startDelivery(dest: Destination, envelope: unknown, ids: string[], updates: number, secret: string): void {
    const body = Buffer.from(encodeMetaJson(envelope), 'latin1');
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'facebookexternalua',
      ...signatureHeaders(secret, body),
    };
    this.queue.push({ id: this.nextId++, dest, body, headers, phoneNumberIds: ids, updates, attempt: 0, firstAttemptAtMs: Date.now() });
    this.pump();
  }

  private pump(): void {
    while (!this.closed && this.running < this.tuning.maxConcurrent && this.queue.length > 0) {
      const delivery = this.queue.shift()!;
      this.running += 1;
      void this.attempt(delivery).finally(() => {
        this.running -= 1;
        this.pump();
      });
    }
  }

  private async attempt(d: Delivery): Promise<void> {
    d.attempt += 1;
    let statusCode: number | null = null;
    let error: string | undefined;
    try {
      const res = await request(d.dest.url, {
        method: 'POST',
        headers: d.headers,
        body: d.body,
        dispatcher: this.agent,
        headersTimeout: this.tuning.timeoutMs,
        bodyTimeout: this.tuning.timeoutMs,
      });
      statusCode = res.statusCode;
      await res.body.dump();
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    if (this.closed) return;
    const delay = Math.min(this.tuning.retryMaxMs, this.tuning.retryBaseMs * 2 ** (d.attempt - 1));
    const outcome = statusCode === 200 ? 'delivered' : Date.now() + delay - d.firstAttemptAtMs > this.tuning.retryHorizonMs ? 'gave_up' : 'retrying';
    this.log.add({
      deliveryId: d.id,
      url: d.dest.url,
      phoneNumberIds: d.phoneNumberIds,
      attempt: d.attempt,
      statusCode,
      ...(error ? { error } : {}),
      outcome,
      updates: d.updates,
      at: new Date().toISOString(),
    });
    if (outcome !== 'retrying') return;
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.queue.push(d);
      this.pump();
    }, delay);
    this.retryTimers.add(timer);
  }
}
