import type { Clock } from '../../platform/clock';
import type { Keyring } from '../../platform/crypto';
import type { AnyDb } from '../../platform/db';
import type { Logger } from '../../platform/logging';
import type { OutboundDeps } from '../outbound';
import type { AuditLog } from '../privacy';

export interface AutomationDeps {
  db: AnyDb;
  keyring: Keyring;
  clock: Clock;
  audit: AuditLog;
  logger: Logger;
  outbound: OutboundDeps;
  /** Called after replies were queued (the worker wakes its sender). */
  onQueued?: () => void;
}

export const INBOUND_AUTOMATION_QUEUE = 'automation.inbound';
