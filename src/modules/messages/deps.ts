import type { Clock } from '../../platform/clock';
import type { Keyring } from '../../platform/crypto';
import type { AnyDb, TenantTx } from '../../platform/db';
import type { Logger } from '../../platform/logging';
import type { ChannelDeps } from '../channels';
import type { ContactsDeps } from '../contacts';
import type { InboxDeps } from '../inbox';
import type { AuditLog } from '../privacy';
import type { InboundMessagesHook } from './inbound/inbound-hook';
import type { MediaStorage } from './media/media-storage';

export interface MessagesDeps {
  db: AnyDb;
  keyring: Keyring;
  clock: Clock;
  logger: Logger;
  audit: AuditLog;
  contacts: ContactsDeps;
  channels: ChannelDeps;
  /** Conversations and who sees them: every message belongs to one. */
  inbox: InboxDeps;
  /** Where media bytes live, sealed: customers' files and members' uploads. */
  storage: MediaStorage;
  /** Called in the processing transaction with the new inbound messages (other modules' reactions, e.g. automation). */
  inboundHooks: InboundMessagesHook[];
  /** The workspace settings mark-as-read depends on (owned by the automation module). */
  readSettings: ReadSettings;
}

export type ReadSettings = (tx: TenantTx, workspaceId: string) => Promise<{ markReadOnOpen: boolean; agentsSeeOnlyAssigned: boolean }>;

export const PAYLOAD_CONTEXT = 'message.payload';
export const REACTION_CONTEXT = 'message.reaction';
export const MEDIA_CONTEXT = 'media.bytes';
export const AMENDMENT_CONTEXT = 'message.amendment';
/** Meta's request body in a queue row is sealed under the contact's key with this context. */
export const REQUEST_CONTEXT = 'outbound.request';
/** An uncertain send with no status webhook after this long fails with send_outcome_unknown. */
export const UNCERTAIN_TTL_MS = 10 * 60_000;
