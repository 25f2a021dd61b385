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
  transport: GraphTransport;
}
