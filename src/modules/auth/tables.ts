import type { Generated } from 'kysely';
import type { Role } from './permissions';

export interface AuthTables {
  workspaces: { workspace_id: string; name: string; settings: Generated<Record<string, unknown>>; created_at: Generated<Date> };
  users: {
    id: string;
    email: string;
    email_normalized: string;
    name: string;
    password_hash: string;
    age_confirmed_at: Date;
    created_at: Generated<Date>;
  };
  memberships: { workspace_id: string; user_id: string; role: Role; created_at: Generated<Date> };
  invitations: {
    workspace_id: string;
    id: string;
    email_normalized: string;
    role: Role;
    token_hash: string;
    invited_by: string;
    expires_at: Date;
    accepted_at: Date | null;
    created_at: Generated<Date>;
  };
  sessions: { id_hash: string; user_id: string; current_workspace_id: string | null; expires_at: Date; created_at: Generated<Date> };
  /** `failures`: attempts in the window not given back by a success (failed, refused or still running). */
  login_attempts: { key: string; failures: number; window_started_at: Date };
  api_keys: {
    workspace_id: string;
    id: string;
    name: string;
    role: Role;
    key_hash: string;
    prefix: string;
    created_by: string | null;
    created_at: Generated<Date>;
    last_used_at: Date | null;
    revoked_at: Date | null;
  };
}
