import { newId } from '../../platform/db';
import { insertUser, unsafeFindUserByEmail } from './account.repository';
import type { AuthDeps } from './deps';
import { authErrors } from './errors';
import { hashPassword, normalizeEmail } from './secrets';

/** Creates a person's account; the caller has already checked the 18+ confirmation. */
export async function registerUser(deps: AuthDeps, input: { email: string; password: string; name: string }): Promise<string> {
  const emailNormalized = normalizeEmail(input.email);
  if (await unsafeFindUserByEmail(deps.db, emailNormalized)) throw authErrors.emailTaken();
  const id = newId();
  try {
    await insertUser(deps.db, {
      id,
      email: input.email.trim(),
      emailNormalized,
      name: input.name.trim(),
      passwordHash: await hashPassword(input.password),
      ageConfirmedAt: deps.clock.now(),
    });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides.
    if ((error as { code?: string }).code === '23505') throw authErrors.emailTaken();
    throw error;
  }
  return id;
}
