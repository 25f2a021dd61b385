import { createWorkspace } from './create-workspace';
import type { AuthDeps } from './deps';
import { registerUser } from './register-user';
import { createSession } from './sessions';

export interface SignUpInput {
  email: string;
  password: string;
  name: string;
  workspaceName: string;
  ip: string;
}

/** Sign-up: the person, their first workspace (they own it) and a session. */
export async function signUp(deps: AuthDeps, input: SignUpInput) {
  const userId = await registerUser(deps, input);
  const workspaceId = await createWorkspace(deps, { name: input.workspaceName.trim(), ownerUserId: userId, ip: input.ip });
  const session = await createSession(deps, userId, workspaceId);
  return { userId, workspaceId, session };
}
