import { newId, withTenant } from '../../platform/db';
import { checkOutboundUrl } from '../../platform/net';
import { feedHead } from '../../platform/events';
import type { Actor } from '../privacy';
import { ensureCursor } from './delivery.repository';
import type { IntegrationDeps } from './deps';
import type { ExternalEventType } from './event-mapping';
import { findSubscription, insertSubscription } from './subscription.repository';
import { newSigningSecret, sealSigningSecret } from './webhook-signing';

/** Creates a subscription; the signing secret is returned here once and stored only encrypted. */
export async function createSubscription(deps: IntegrationDeps, workspaceId: string, actor: Actor, input: { url: string; events: ExternalEventType[] }) {
  const url = await checkOutboundUrl(input.url, { allowPrivate: deps.allowPrivateUrls });
  const events = [...new Set(input.events)];
  const id = newId();
  const secret = newSigningSecret();
  const row = await withTenant(deps.db, workspaceId, async (tx) => {
    const now = deps.clock.now();
    await insertSubscription(tx, { workspace_id: workspaceId, id, url, events, secret: await sealSigningSecret(deps.keyring, tx, workspaceId, id, secret), enabled: true, active_since: now, created_at: now });
    // The first subscription starts the workspace's fan-out at the present, not at its history.
    await ensureCursor(tx, workspaceId, await feedHead(tx));
    await deps.audit.record(tx, workspaceId, actor, { action: 'webhook_subscription.created', target: { type: 'webhook_subscription', id }, details: { events } });
    return (await findSubscription(tx, workspaceId, id))!;
  });
  return { row, secret };
}
