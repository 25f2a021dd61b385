// The simulator's state: numbers, clock, limits, templates, media and the webhook sender, with
// no HTTP in it. The actions that build on it (a customer's message, an emitted webhook, a
// template change) take this state as input and are bound to it by SimulatorEngine (engine.ts),
// so they never import the class that calls them.
import { resolveOptions, type ResolvedOptions, type SimulatorOptions } from './options';
import { SimClock } from './clock';
import { SeededRandom } from './random';
import { Scheduler } from './scheduler';
import { WabaQuota } from './waba-quota';
import { BusinessNumber, NumberRegistry, type NumberPatch, type RegisterNumberInput } from './numbers';
import { numberNotFound } from './sim-error';
import { MediaStore } from '../graph/media/media-store';
import { TemplateStore } from '../graph/templates/template-store';
import { WebhookSender, type Destination } from '../webhooks/sender';
import type { MessagesUpdate } from '../webhooks/envelopes';
import { verifyWebhookEndpoint, type HandshakeResult } from '../webhooks/verify-handshake';
import type { Fault } from './faults';
import { canonicalWaId, isBsuid } from './wa-id';
import type { SentRecord } from './sent-log';

export class EngineState {
  readonly options: ResolvedOptions;
  readonly clock = new SimClock();
  readonly random: SeededRandom;
  readonly scheduler = new Scheduler();
  readonly numbers = new NumberRegistry();
  readonly templates = new TemplateStore();
  readonly media: MediaStore;
  readonly webhooks: WebhookSender;
  readonly wabaQuota: WabaQuota;
  private timers = new Set<NodeJS.Timeout>();
  publicUrl: string | null;

  constructor(opts: SimulatorOptions = {}) {
    this.options = resolveOptions(opts);
    this.random = new SeededRandom(this.options.seed);
    this.media = new MediaStore(this.clock, this.random);
    this.webhooks = new WebhookSender(this.options.webhooks);
    this.wabaQuota = new WabaQuota(this.options.wabaCallsPerHour);
    this.publicUrl = this.options.publicUrl;
  }

  /** Registers a business number, or updates one already registered (keeping its chats and key). */
  registerNumber(input: RegisterNumberInput): { number: BusinessNumber; created: boolean } {
    const existing = this.numbers.get(input.phoneNumberId);
    const limits = { sentLog: this.options.sentLogLimitPerNumber, chat: this.options.chatLimitPerCustomer };
    const number = existing ?? new BusinessNumber(input, this.clock.nowMs(), limits);
    if (existing) {
      existing.config = { ...input, phoneKey: input.phoneKey ?? existing.phoneKey };
      existing.phoneKey = existing.config.phoneKey!;
      existing.apiVersion = input.apiVersion ?? existing.apiVersion;
      existing.displayDigits = input.displayPhoneNumber.replace(/\D/g, '');
      if (input.throughputMps !== undefined) existing.setThroughput(input.throughputMps, this.clock.nowMs());
    }
    for (const c of input.customers ?? []) number.customers.upsert(c);
    this.numbers.set(number);
    if (input.verifyToken) void this.verifyWebhook(number.id).catch(() => undefined);
    return { number, created: !existing };
  }

  patchNumber(phoneNumberId: string, patch: NumberPatch): BusinessNumber {
    const number = this.requireNumber(phoneNumberId);
    if (patch.throughputMps !== undefined) number.setThroughput(patch.throughputMps, this.clock.nowMs());
    if (patch.qualityRating !== undefined) number.qualityRating = patch.qualityRating;
    if (patch.messagingLimit !== undefined) number.messagingLimit = patch.messagingLimit;
    if (patch.statusWebhooks !== undefined) number.statusWebhooks = patch.statusWebhooks;
    if (patch.webhookUrl !== undefined) number.config.webhookUrl = patch.webhookUrl;
    if (patch.allowedRecipients !== undefined) number.config.allowedRecipients = patch.allowedRecipients ?? undefined;
    return number;
  }

  requireNumber(phoneNumberId: string): BusinessNumber {
    const number = this.numbers.get(phoneNumberId);
    if (!number) throw numberNotFound(phoneNumberId);
    return number;
  }

  armFault(phoneNumberId: string, code: number, count: number, delivery?: 'sync' | 'async', details?: string): Fault {
    return this.requireNumber(phoneNumberId).faults.arm(code, count, delivery, details);
  }

  advanceClock(seconds: number): { now: number } {
    this.clock.advance(seconds);
    return { now: this.clock.nowSeconds() };
  }

  listSent(phoneNumberId?: string, to?: string): { sent: SentRecord[]; countsByRecipient: Record<string, number> } {
    const numbers = phoneNumberId ? [this.requireNumber(phoneNumberId)] : this.numbers.all();
    const recipient = to && !isBsuid(to) ? canonicalWaId(to) : to;
    const sent: SentRecord[] = [];
    const countsByRecipient: Record<string, number> = {};
    for (const n of numbers) {
      sent.push(...n.sentLog.list(recipient));
      for (const [k, v] of Object.entries(n.sentLog.countsByRecipient(recipient))) countsByRecipient[k] = (countsByRecipient[k] ?? 0) + v;
    }
    return { sent, countsByRecipient };
  }

  /** Sends accepted by one number and their distinct recipients, without copying the log (cheap to poll). */
  sentTotals(phoneNumberId: string): { sends: number; recipients: number } {
    return this.requireNumber(phoneNumberId).sentLog.totals();
  }

  async verifyWebhook(phoneNumberId: string): Promise<HandshakeResult> {
    const number = this.requireNumber(phoneNumberId);
    const result = await verifyWebhookEndpoint(number.config.webhookUrl, number.config.verifyToken ?? '');
    number.webhookVerified = result.verified;
    return result;
  }

  destinationOf(number: BusinessNumber): Destination {
    return { url: number.config.webhookUrl, appSecret: number.config.appSecret };
  }

  emitMessagesUpdate(number: BusinessNumber, kind: MessagesUpdate['kind'], item: Record<string, unknown>, contact?: Record<string, unknown>): void {
    const update: MessagesUpdate = { wabaId: number.wabaId, phoneNumberId: number.id, displayPhoneNumber: number.displayDigits, kind, item };
    if (contact) update.contact = contact;
    this.webhooks.enqueueUpdate(this.destinationOf(number), update);
  }

  /** A real-time timer that close() cancels (template reviews, pacing holds). */
  later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  /** Resolves when no status is scheduled and no webhook is pending or in flight. */
  async idle(): Promise<void> {
    while (this.scheduler.pending > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await this.webhooks.idle();
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.scheduler.close();
    await this.webhooks.close();
  }
}
