import type { Clock } from '../../platform/clock';
import type { Keyring } from '../../platform/crypto';
import type { AnyDb } from '../../platform/db';
import type { ChannelDeps } from '../channels';
import type { ContactsDeps } from '../contacts';
import type { AuditLog } from '../privacy';

export interface TemplatesDeps {
  db: AnyDb;
  keyring: Keyring;
  clock: Clock;
  channels: ChannelDeps;
  audit: AuditLog;
  contacts: ContactsDeps;
}
