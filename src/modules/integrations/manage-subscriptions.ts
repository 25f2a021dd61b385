import { withTenant } from '../../platform/db';
import { checkOutboundUrl } from '../../platform/net';
import type { Cursor } from '../../platform/http';
import type { Actor } from '../privacy';
import { listDeliveries } from './delivery.repository';
import type { IntegrationDeps } from './deps';
import { integrationErrors } from './errors';
import type { ExternalEventType } from './event-mapping';
import { deleteSubscription, findSubscription, listSubscriptions, updateSubscription } from './subscription.repository';
import type { SubscriptionChanges } from './tables';

export function listWorkspaceSubscriptions(deps: IntegrationDeps, workspaceId: string, limit: number, after?: Cursor) {
  return withTenant(deps.db, workspaceId, (tx) => listSubscriptions(tx, workspaceId, limit, after));
}

export async function getSubscription(deps: IntegrationDeps, workspaceId: string, id: string) {
  const row = await withTenant(deps.db, workspaceId, (tx) => findSubscription(tx, workspaceId, id));
  if (!row) throw integrationErrors.notFound();
  return row;
}

export interface SubscriptionPatch {
  url?: string;
  events?: ExternalEventType[];
  enabled?: boolean;
}

/** Changes url/events, or disables/re-enables (re-enabling clears the failure streak). */
export async function patchSubscription(deps: IntegrationDeps, workspaceId: string, actor: Actor, id: string, patch: SubscriptionPatch) {
  const url = patch.url === undefined ? undefined : await checkOutboundUrl(patch.url, { allowPrivate: deps.allowPrivateUrls });
  return withTenant(deps.db, workspaceId, async (tx) => {
    const row = await findSubscription(tx, workspaceId, id, { forUpdate: true });
    if (!row) throw integrationErrors.notFound();
    const now = deps.clock.now();
    const changes: SubscriptionChanges = { updated_at: now };
    if (url !== undefined) changes.url = url;
    if (patch.events !== undefined) changes.events = [...new Set(patch.events)];
    if (patch.enabled === true && !row.enabled) Object.assign(changes, { enabled: true, active_since: now, consecutive_failures: 0, failing_since: null, disabled_at: null, disabled_reason: null });
    if (patch.enabled === false && row.enabled) Object.assign(changes, { enabled: false, disabled_at: now, disabled_reason: 'disabled by a member' });
    await updateSubscription(tx, workspaceId, id, changes);
    const fields = Object.keys(patch).filter((k) => patch[k as keyof SubscriptionPatch] !== undefined);
    await deps.audit.record(tx, workspaceId, actor, { action: 'webhook_subscription.updated', target: { type: 'webhook_subscription', id }, details: { fields, enabled: changes.enabled ?? row.enabled } });
    return (await findSubscription(tx, workspaceId, id))!;
  });
}

export const enableSubscription = (deps: IntegrationDeps, workspaceId: string, actor: Actor, id: string) => patchSubscription(deps, workspaceId, actor, id, { enabled: true });

export async function removeSubscription(deps: IntegrationDeps, workspaceId: string, actor: Actor, id: string) {
  await withTenant(deps.db, workspaceId, async (tx) => {
    if (!(await findSubscription(tx, workspaceId, id))) throw integrationErrors.notFound();
    await deleteSubscription(tx, workspaceId, id);
    // The signing secret goes with its data key.
    await deps.keyring.shredOwner(tx, workspaceId, { type: 'webhook_subscription', id });
    await deps.audit.record(tx, workspaceId, actor, { action: 'webhook_subscription.deleted', target: { type: 'webhook_subscription', id } });
  });
}

export async function listSubscriptionDeliveries(deps: IntegrationDeps, workspaceId: string, id: string, limit: number, after?: Cursor) {
  return withTenant(deps.db, workspaceId, async (tx) => {
    if (!(await findSubscription(tx, workspaceId, id))) throw integrationErrors.notFound();
    return listDeliveries(tx, workspaceId, id, limit, after);
  });
}
