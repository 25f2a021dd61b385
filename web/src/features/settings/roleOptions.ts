import type { Role } from '../../app/auth';

const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner — everything',
  admin: 'Admin — everything but deleting or transferring the workspace',
  agent: 'Agent — inbox and contacts',
  analyst: 'Analyst — analytics and campaign figures',
};

export function roleOptions(roles: readonly Role[]): { value: Role; label: string }[] {
  return roles.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
}
