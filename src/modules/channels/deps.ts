import type { Clock } from '../../platform/clock';
import type { Keyring } from '../../platform/crypto';
import type { AnyDb } from '../../platform/db';
import type { AuditLog } from '../privacy';
import type { GraphTransport } from './whatsapp/cloud-api';

export interface ChannelDeps {
  db: AnyDb;
  keyring: Keyring;
  audit: AuditLog;
  clock: Clock;
  publicUrl: string;
  mode: 'sandbox' | 'cloud';
  /** Connections of channels whose Graph base URL a user gave: guarded by the outbound-address policy. */
  transport: GraphTransport;
  /** Connections of sandbox channels to this process's own simulator (loopback allowed). */
  sandboxTransport: GraphTransport;
}

/** Account-level webhook values (channel events) are sealed with this context. */
export const CHANNEL_EVENT_CONTEXT = 'channel_event.value';
