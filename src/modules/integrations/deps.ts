import type { Clock } from '../../platform/clock';
import type { Keyring } from '../../platform/crypto';
import type { AnyDb } from '../../platform/db';
import type { Logger } from '../../platform/logging';
import type { AuditLog } from '../privacy';
import type { EnricherRegistry } from './payload-enrichers';

/** Retry and disabling rules; tests shorten them. */
export interface WebhookPolicy {
  /** First retry after about this long, doubling each attempt (with jitter) up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** A delivery is given up (status failed) after this many attempts. */
  maxAttempts: number;
  /** A subscription is disabled after this many consecutive failed attempts… */
  disableAfterFailures: number;
  /** …spanning at least this long (one bad minute does not disable an endpoint). */
  disableAfterMs: number;
  timeoutMs: number;
}

export const defaultWebhookPolicy: WebhookPolicy = {
  retryBaseMs: 60_000,
  retryMaxMs: 6 * 3600_000,
  maxAttempts: 10,
  disableAfterFailures: 20,
  disableAfterMs: 24 * 3600_000,
  timeoutMs: 10_000,
};

export interface IntegrationDeps {
  db: AnyDb;
  keyring: Keyring;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  /** Loopback and private targets allowed (development, tests): OUTBOUND_ALLOW_PRIVATE_URLS. */
  allowPrivateUrls: boolean;
  policy: WebhookPolicy;
  enrichers: EnricherRegistry;
}
