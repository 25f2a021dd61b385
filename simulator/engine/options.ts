// Tuning knobs of the simulator. Defaults imitate Meta; tests compress the timings.

export interface StatusDelaysMs {
  /** After acceptance, when `sent` (or an async `failed`) is emitted. */
  sent: number;
  delivered: number;
  read: number;
  /** Voice notes only: first play. */
  played: number;
}

/** Probabilities (0..1) of Meta's status-webhook quirks, drawn from the seeded generator. */
export interface StatusVariation {
  /** The customer reads the message at all (read receipts on). */
  readRate: number;
  /** `delivered` is skipped because `read` implies it. */
  skipDeliveredRate: number;
  /** `read` is posted before `delivered` (timestamps still tell the true order). */
  outOfOrderRate: number;
  /** One status of the message is posted twice. */
  duplicateRate: number;
}

export interface WebhookTuning {
  /** How long updates for one destination wait to be batched into one POST. */
  lingerMs: number;
  /** Updates (messages + statuses) per POST; Meta's ceiling is 1000. */
  maxUpdatesPerPost: number;
  /** Deliveries in flight at once, across destinations. */
  maxConcurrent: number;
  timeoutMs: number;
  /** First retry delay; doubles each attempt up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Give up after this long (Meta: 7 days). */
  retryHorizonMs: number;
}

export interface SimulatorOptions {
  /** Seed of every random choice (wamids, status variations); random when absent. */
  seed?: number;
  statusDelaysMs?: Partial<StatusDelaysMs>;
  variation?: Partial<StatusVariation>;
  webhooks?: Partial<WebhookTuning>;
  /** Real milliseconds between a template's creation (PENDING) and its approval. */
  templateReviewMs?: number;
  /** Real milliseconds a send of a paced template is held before it is released. */
  pacingHoldMs?: number;
  /** Management calls (templates, phone numbers, WABA) per WABA per hour before 80007; Meta: 5,000 for active WABAs. */
  wabaCallsPerHour?: number;
  /** Accepted sends kept per number for GET /_sim/sent (counts stay exact beyond it). */
  sentLogLimitPerNumber?: number;
  /** Chat items kept per customer for the phone page. */
  chatLimitPerCustomer?: number;
  /** Base URL the simulator is reachable at, used for media URLs inside webhooks. */
  publicUrl?: string;
  /** Multi-tenant sandbox: control routes need the admin token or a number's phoneKey. */
  guarded?: boolean;
  adminToken?: string;
}

export interface ResolvedOptions {
  seed: number;
  statusDelaysMs: StatusDelaysMs;
  variation: StatusVariation;
  webhooks: WebhookTuning;
  templateReviewMs: number;
  pacingHoldMs: number;
  wabaCallsPerHour: number;
  sentLogLimitPerNumber: number;
  chatLimitPerCustomer: number;
  publicUrl: string | null;
  guarded: boolean;
  adminToken: string | null;
}

const SEVEN_DAYS_MS = 7 * 24 * 3600 * 1000;

export function resolveOptions(opts: SimulatorOptions = {}): ResolvedOptions {
  if (opts.guarded && !opts.adminToken) throw new Error('simulator: guarded mode needs an adminToken');
  return {
    seed: opts.seed ?? Math.floor(Math.random() * 2 ** 31),
    statusDelaysMs: { sent: 150, delivered: 600, read: 2500, played: 4000, ...opts.statusDelaysMs },
    variation: { readRate: 0.85, skipDeliveredRate: 0.1, outOfOrderRate: 0.05, duplicateRate: 0.03, ...opts.variation },
    webhooks: {
      lingerMs: 20,
      maxUpdatesPerPost: 100,
      maxConcurrent: 16,
      timeoutMs: 10_000,
      retryBaseMs: 1_000,
      retryMaxMs: 3_600_000,
      retryHorizonMs: SEVEN_DAYS_MS,
      ...opts.webhooks,
    },
    templateReviewMs: opts.templateReviewMs ?? 1_500,
    pacingHoldMs: opts.pacingHoldMs ?? 3_000,
    wabaCallsPerHour: opts.wabaCallsPerHour ?? 5_000,
    sentLogLimitPerNumber: opts.sentLogLimitPerNumber ?? 50_000,
    chatLimitPerCustomer: opts.chatLimitPerCustomer ?? 300,
    publicUrl: opts.publicUrl ?? null,
    guarded: opts.guarded ?? false,
    adminToken: opts.adminToken ?? null,
  };
}
