// Registered business phone numbers: their configuration (what POST /_sim/numbers takes)
// and their live state (limits, customers, chats, sent log, armed faults).
import { randomBytes } from 'node:crypto';
import { TokenBucket } from './token-bucket';
import { CustomerDirectory, type CustomerInput } from './customers';
import { ChatStore } from './chats';
import { SentLog } from './sent-log';
import { FaultQueue } from './faults';

export type QualityRating = 'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN';
export const MESSAGING_LIMITS = ['TIER_50', 'TIER_250', 'TIER_2K', 'TIER_10K', 'TIER_100K', 'TIER_UNLIMITED', 'TIER_NOT_SET'] as const;
export type MessagingLimit = (typeof MESSAGING_LIMITS)[number];

export interface RegisterNumberInput {
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  accessToken: string;
  appSecret: string;
  webhookUrl: string;
  verifyToken?: string;
  verifiedName?: string;
  throughputMps?: number;
  apiVersion?: string;
  customers?: CustomerInput[];
  /** Lets a restarted product keep its phone-page links valid; random when absent. */
  phoneKey?: string;
  /** Test numbers may only message these recipients (131030 otherwise). */
  allowedRecipients?: string[];
}

export interface NumberPatch {
  throughputMps?: number;
  qualityRating?: QualityRating;
  messagingLimit?: MessagingLimit;
  statusWebhooks?: boolean;
  webhookUrl?: string;
  allowedRecipients?: string[] | null;
}

const PAIR_BURST = 45;
const PAIR_RATE_PER_SECOND = 1 / 6;

export class BusinessNumber {
  readonly customers = new CustomerDirectory();
  readonly chats: ChatStore;
  readonly sentLog: SentLog;
  readonly faults = new FaultQueue();
  readonly throughput: TokenBucket;
  private pairBuckets = new Map<string, TokenBucket>();
  qualityRating: QualityRating = 'GREEN';
  messagingLimit: MessagingLimit = 'TIER_2K';
  statusWebhooks = true;
  webhookVerified: boolean | null = null;
  phoneKey: string;
  throughputMps: number;
  apiVersion: string;
  displayDigits: string;

  constructor(
    public config: RegisterNumberInput,
    nowMs: number,
    limits: { sentLog: number; chat: number },
  ) {
    this.phoneKey = config.phoneKey ?? randomBytes(18).toString('base64url');
    this.throughputMps = config.throughputMps ?? 80;
    this.apiVersion = config.apiVersion ?? 'v24.0';
    this.displayDigits = config.displayPhoneNumber.replace(/\D/g, '');
    this.throughput = new TokenBucket(this.throughputMps, this.throughputMps, nowMs);
    this.chats = new ChatStore(limits.chat);
    this.sentLog = new SentLog(limits.sentLog);
  }

  get id(): string {
    return this.config.phoneNumberId;
  }

  get wabaId(): string {
    return this.config.wabaId;
  }

  setThroughput(mps: number, nowMs: number): void {
    this.throughputMps = mps;
    this.throughput.reconfigure(mps, mps, nowMs);
  }

  /** Pair rate limit: 1 message per 6 s to one user, bursts up to 45 borrowed from the future. */
  tryTakePair(recipient: string, nowMs: number): boolean {
    let bucket = this.pairBuckets.get(recipient);
    if (!bucket) {
      bucket = new TokenBucket(PAIR_BURST, PAIR_RATE_PER_SECOND, nowMs);
      this.pairBuckets.set(recipient, bucket);
    }
    return bucket.tryTake(nowMs);
  }

  /** What the control API shows; the phone key is included because only the admin sees it. */
  describe(): Record<string, unknown> {
    const { accessToken: _t, appSecret: _s, customers: _c, ...config } = this.config;
    return {
      ...config,
      throughputMps: this.throughputMps,
      apiVersion: this.apiVersion,
      qualityRating: this.qualityRating,
      messagingLimit: this.messagingLimit,
      statusWebhooks: this.statusWebhooks,
      webhookVerified: this.webhookVerified,
      phoneKey: this.phoneKey,
      armedFaults: this.faults.armed,
      customers: this.customers.list().map((c) => ({ waId: c.waId, userId: c.userId, name: c.name })),
    };
  }
}

export class NumberRegistry {
  private numbers = new Map<string, BusinessNumber>();

  get(phoneNumberId: string): BusinessNumber | undefined {
    return this.numbers.get(phoneNumberId);
  }

  set(number: BusinessNumber): void {
    this.numbers.set(number.id, number);
  }

  all(): BusinessNumber[] {
    return [...this.numbers.values()];
  }

  inWaba(wabaId: string): BusinessNumber[] {
    return this.all().filter((n) => n.wabaId === wabaId);
  }

  /** Whether some number accepts this token at all (Graph answers 190 otherwise). */
  isKnownToken(token: string): boolean {
    for (const n of this.numbers.values()) if (n.config.accessToken === token) return true;
    return false;
  }
}
