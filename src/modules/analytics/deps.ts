import type { Clock } from '../../platform/clock';
import type { Keyring } from '../../platform/crypto';
import type { AnyDb } from '../../platform/db';
import type { Logger } from '../../platform/logging';

export interface AnalyticsDeps {
  db: AnyDb;
  keyring: Keyring;
  clock: Clock;
  logger: Logger;
}
