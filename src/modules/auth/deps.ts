import type { Clock } from '../../platform/clock';
import type { AnyDb } from '../../platform/db';
import type { AuditLog } from '../privacy';
import type { Role } from './permissions';

/** Called after a workspace is created (e.g. to connect its sandbox channel), outside its transaction. */
export type WorkspaceCreatedHook = (workspaceId: string) => Promise<void>;

export interface AuthDeps {
  db: AnyDb;
  audit: AuditLog;
  clock: Clock;
  publicUrl: string;
  mode: 'sandbox' | 'cloud';
  onWorkspaceCreated: readonly WorkspaceCreatedHook[];
}

export interface Principal {
  kind: 'session' | 'api_key';
  workspaceId: string;
  role: Role;
  userId: string | null;
  apiKeyId: string | null;
  sessionIdHash: string | null;
  ip: string;
}

export const actorOf = (principal: Principal) =>
  principal.kind === 'api_key'
    ? ({ type: 'api_key', id: principal.apiKeyId, ip: principal.ip } as const)
    : ({ type: 'user', id: principal.userId, ip: principal.ip } as const);
