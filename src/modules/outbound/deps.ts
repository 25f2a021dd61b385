import type { Clock } from '../../platform/clock';
import type { Keyring } from '../../platform/crypto';
import type { AnyDb } from '../../platform/db';
import type { Logger } from '../../platform/logging';
import type { ChannelDeps } from '../channels';
import type { ContactsDeps } from '../contacts';
import type { MediaStorage } from '../inbox';
import type { AuditLog } from '../privacy';

export interface OutboundDeps {
  db: AnyDb;
  keyring: Keyring;
  clock: Clock;
  logger: Logger;
  contacts: ContactsDeps;
  channels: ChannelDeps;
  audit: AuditLog;
  /** Where the inbox keeps media: uploads are stored there, and read back to upload them to Meta. */
  storage: MediaStorage;
}

/** Meta's request body in a queue row is sealed under the contact's key with this context. */
export const REQUEST_CONTEXT = 'outbound.request';
/** An uncertain send with no status webhook after this long fails with send_outcome_unknown. */
export const UNCERTAIN_TTL_MS = 10 * 60_000;
