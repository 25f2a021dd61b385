import type { Clock } from '../../platform/clock';
import type { Keyring } from '../../platform/crypto';
import type { AnyDb } from '../../platform/db';
import type { ChannelDeps, InboundItem } from '../channels';
import type { ContactsDeps } from '../contacts';
import type { AuditLog } from '../privacy';
import type { AssignedOnlyPolicy } from './conversation-scope';
import type { InboundMessagesHook } from './inbound-hook';
import type { MediaStorage } from './media-storage';

export interface InboxDeps {
  db: AnyDb;
  keyring: Keyring;
  clock: Clock;
  audit: AuditLog;
  contacts: ContactsDeps;
  channels: ChannelDeps;
  storage: MediaStorage;
  /** Called in the processing transaction with the new inbound messages (other modules' reactions, e.g. automation). */
  inboundHooks?: InboundMessagesHook[];
  /** Whether agents see only conversations assigned to them (a workspace setting owned elsewhere). */
  agentsSeeOnlyAssigned?: AssignedOnlyPolicy;
}

/** Leaves an item out with a reason code (it names no id, no customer, no known status). */
export type RejectItem = (item: InboundItem, reason: string) => void;

export const PAYLOAD_CONTEXT = 'message.payload';
export const REACTION_CONTEXT = 'message.reaction';
export const NOTE_CONTEXT = 'conversation.note';
export const MEDIA_CONTEXT = 'media.bytes';
export const AMENDMENT_CONTEXT = 'message.amendment';
export const CHANNEL_EVENT_CONTEXT = 'channel_event.value';
export const MEDIA_FETCH_QUEUE = 'inbox.media.fetch';
