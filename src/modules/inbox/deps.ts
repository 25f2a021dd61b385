import type { Clock } from '../../platform/clock';
import type { Keyring } from '../../platform/crypto';
import type { AnyDb } from '../../platform/db';
import type { ContactsDeps } from '../contacts';
import type { AuditLog } from '../privacy';
import type { AssignedOnlyPolicy } from './conversation-scope';

export interface InboxDeps {
  db: AnyDb;
  keyring: Keyring;
  clock: Clock;
  audit: AuditLog;
  contacts: ContactsDeps;
  /** Whether agents see only conversations assigned to them (a workspace setting owned elsewhere). */
  agentsSeeOnlyAssigned: AssignedOnlyPolicy;
}

export const NOTE_CONTEXT = 'conversation.note';
