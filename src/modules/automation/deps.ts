import type { Clock } from '../../platform/clock';
import type { Keyring } from '../../platform/crypto';
import type { AnyDb } from '../../platform/db';
import type { Logger } from '../../platform/logging';
import type { MessagesDeps } from '../messages';
import type { AuditLog } from '../privacy';

export interface AutomationDeps {
  db: AnyDb;
  keyring: Keyring;
  clock: Clock;
  audit: AuditLog;
  logger: Logger;
  messages: MessagesDeps;
  /** Called after replies were queued (wakes a sender in this process). */
  onQueued: () => void;
}

