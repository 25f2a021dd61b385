import { newId, withTenant } from '../../platform/db';
import { notFound } from '../../platform/http';
import type { Actor } from '../privacy';
import { findActiveApiKeyByHash, insertApiKey, listApiKeys, revokeApiKey, touchApiKey } from './api-key.repository';
import type { AuthDeps } from './deps';
import type { Role } from './permissions';
import { randomToken, sha256 } from './secrets';

// An API key is `wgp_<workspace id without dashes>_<secret>`: the workspace part lets the lookup
// run inside that tenant (and its index lead with workspace_id); only the SHA-256 is stored.

const KEY_PATTERN = /^wgp_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;
const LAST_USED_PRECISION_MS = 60_000;

function workspaceIdOfKey(key: string): string | null {
  const hex = KEY_PATTERN.exec(key)?.[1];
  return hex ? `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` : null;
}

export async function createApiKey(deps: AuthDeps, workspaceId: string, actor: Actor, input: { name: string; role: Role }) {
  const key = `wgp_${workspaceId.replaceAll('-', '')}_${randomToken(32)}`;
  const id = newId();
  await withTenant(deps.db, workspaceId, async (tx) => {
    await insertApiKey(tx, workspaceId, { id, name: input.name, role: input.role, keyHash: sha256(key), prefix: key.slice(0, 45), createdBy: actor.id });
    await deps.audit.record(tx, workspaceId, actor, { action: 'api_key.created', target: { type: 'api_key', id }, details: { role: input.role } });
  });
  return { id, key, name: input.name, role: input.role };
}

/** Resolves a presented key to its workspace and role; revoked or unknown keys resolve to null. */
export async function authenticateApiKey(deps: AuthDeps, key: string): Promise<{ workspaceId: string; apiKeyId: string; role: Role } | null> {
  const workspaceId = workspaceIdOfKey(key);
  if (!workspaceId) return null;
  return withTenant(deps.db, workspaceId, async (tx) => {
    const row = await findActiveApiKeyByHash(tx, workspaceId, sha256(key));
    if (!row) return null;
    const now = deps.clock.now();
    // Coarse last-used time: one write a minute per key, not one per request.
    if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > LAST_USED_PRECISION_MS) await touchApiKey(tx, workspaceId, row.id, now);
    return { workspaceId, apiKeyId: row.id, role: row.role };
  });
}

export function listKeys(deps: AuthDeps, workspaceId: string, page: Parameters<typeof listApiKeys>[2]) {
  return withTenant(deps.db, workspaceId, (tx) => listApiKeys(tx, workspaceId, page));
}

export async function revokeKey(deps: AuthDeps, workspaceId: string, actor: Actor, id: string): Promise<void> {
  await withTenant(deps.db, workspaceId, async (tx) => {
    if (!(await revokeApiKey(tx, workspaceId, id, deps.clock.now()))) throw notFound('API key');
    await deps.audit.record(tx, workspaceId, actor, { action: 'api_key.revoked', target: { type: 'api_key', id } });
  });
}
