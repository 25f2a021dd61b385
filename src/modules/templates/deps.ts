import type { Clock } from '../../platform/clock';
import type { Keyring } from '../../platform/crypto';
import type { AnyDb } from '../../platform/db';
import type { ChannelDeps } from '../channels';

export interface TemplatesDeps {
  db: AnyDb;
  keyring: Keyring;
  clock: Clock;
  channels: ChannelDeps;
}
