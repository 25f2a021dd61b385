import { unsafeFindUserByEmail } from './account.repository';
import type { AuthDeps } from './deps';
import { authErrors } from './errors';
import { giveBackLoginAttempt, takeLoginAttempt, throttleKeys } from './login-throttle';
import { createSession } from './sessions';
import { decoyPasswordHash, normalizeEmail, verifyPassword } from './secrets';
import { unsafeListWorkspacesOfUser } from './workspace.repository';

/** The same answer and about the same time whether or not the email exists. */
export async function logIn(deps: AuthDeps, input: { email: string; password: string; ip: string }) {
  const emailNormalized = normalizeEmail(input.email);
  const keys = throttleKeys(emailNormalized, input.ip);
  const now = deps.clock.now();
  await takeLoginAttempt(deps.db, keys, now);
  const user = await unsafeFindUserByEmail(deps.db, emailNormalized);
  const valid = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), input.password);
  if (!user || !valid) throw authErrors.invalidCredentials();
  await giveBackLoginAttempt(deps.db, keys);
  const workspaces = await unsafeListWorkspacesOfUser(deps.db, user.id);
  const workspaceId = workspaces[0]?.id ?? null;
  const session = await createSession(deps, user.id, workspaceId);
  return { userId: user.id, workspaceId, session };
}
