import type { AuthDeps } from './deps';
import { createSession } from './sessions';
import { unsafeListWorkspacesOfUser } from './workspace.repository';

/**
 * A session for a person who proved who they are another way than their password (Google
 * sign-in): opened in their first workspace, as a login does.
 */
export async function createSessionForUser(deps: AuthDeps, userId: string) {
  const workspaces = await unsafeListWorkspacesOfUser(deps.db, userId);
  const workspaceId = workspaces[0]?.id ?? null;
  return { workspaceId, session: await createSession(deps, userId, workspaceId) };
}
