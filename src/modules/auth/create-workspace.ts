import { newId, withTenant } from '../../platform/db';
import type { AuthDeps } from './deps';
import { insertMembership, insertWorkspace } from './workspace.repository';

/** A new workspace with its owner, audited; then the creation hooks (sandbox channel, …) run. */
export async function createWorkspace(deps: AuthDeps, input: { name: string; ownerUserId: string; ip: string | null }): Promise<string> {
  const workspaceId = newId();
  await withTenant(deps.db, workspaceId, async (tx) => {
    await insertWorkspace(tx, workspaceId, input.name);
    await insertMembership(tx, workspaceId, input.ownerUserId, 'owner');
    await deps.audit.record(tx, workspaceId, { type: 'user', id: input.ownerUserId, ip: input.ip }, {
      action: 'workspace.created',
      target: { type: 'workspace', id: workspaceId },
    });
  });
  for (const hook of deps.onWorkspaceCreated) await hook(workspaceId);
  return workspaceId;
}
