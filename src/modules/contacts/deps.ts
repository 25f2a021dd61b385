import type { Clock } from '../../platform/clock';
import type { Keyring } from '../../platform/crypto';
import type { AnyDb } from '../../platform/db';
import type { AuditLog } from '../privacy';

export interface ContactsDeps {
  db: AnyDb;
  keyring: Keyring;
  clock: Clock;
  audit: AuditLog;
}
