import type { Config } from '../../platform/config';
import type { Logger } from '../../platform/logging';
import { createApiKey, createWorkspace, normalizeEmail, registerUser, unsafeFindUserByEmail, verifyPassword } from '../../modules/auth';
import { buildContainer } from '../container';

const userFacing = (message: string) => Object.assign(new Error(message), { userFacing: true });

interface Options {
  name: string;
  ownerEmail: string;
  ownerPassword: string;
  ownerName?: string;
  json?: boolean;
}

/**
 * An operator creates a workspace for a client. The owner account is created, or, if it exists,
 * must prove its password. The operator vouches for the owner's age as the sign-up form would.
 */
export async function createWorkspaceFromCli({ config, logger }: { config: Config; logger: Logger }, options: Options): Promise<void> {
  if (options.ownerPassword.length < 10) throw userFacing('--owner-password must be at least 10 characters');
  if (!/^[^@\s]+@[^@\s]+$/.test(options.ownerEmail)) throw userFacing('--owner-email must be an email address');
  const container = await buildContainer(config, logger);
  try {
    const existing = await unsafeFindUserByEmail(container.database.db, normalizeEmail(options.ownerEmail));
    if (existing && !(await verifyPassword(existing.password_hash, options.ownerPassword))) {
      throw userFacing(`an account with ${options.ownerEmail} exists and the password does not match it`);
    }
    const userId = existing?.id ?? (await registerUser(container.auth, { email: options.ownerEmail, password: options.ownerPassword, name: options.ownerName ?? options.ownerEmail.split('@')[0]! }));
    const workspaceId = await createWorkspace(container.auth, { name: options.name, ownerUserId: userId, ip: null });
    const key = await createApiKey(container.auth, workspaceId, { type: 'user', id: userId, ip: null }, { name: 'CLI owner key', role: 'owner' });
    process.stdout.write(options.json ? `${JSON.stringify({ workspaceId, apiKey: key.key })}\n` : `workspace ${workspaceId}\nAPI key (shown once): ${key.key}\n`);
  } finally {
    await container.close();
  }
}
