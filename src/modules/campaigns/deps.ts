import type { Clock } from '../../platform/clock';
import type { Keyring } from '../../platform/crypto';
import type { AnyDb } from '../../platform/db';
import type { Logger } from '../../platform/logging';
import type { ContactsDeps } from '../contacts';
import type { MessagesDeps } from '../messages';
import type { AuditLog } from '../privacy';

export interface CampaignsDeps {
  db: AnyDb;
  keyring: Keyring;
  clock: Clock;
  logger: Logger;
  audit: AuditLog;
  contacts: ContactsDeps;
  messages: MessagesDeps;
}
