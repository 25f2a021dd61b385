import { newId, withTenant } from '../../platform/db';
import { committedEventsAfter, feedHead } from '../../platform/events';
import { enqueue, jobCatalog } from '../../platform/jobs';
import { ensureCursor, insertDeliveries, lockCursor, saveCursor } from './delivery.repository';
import type { IntegrationDeps } from './deps';
import { externalTypeOf } from './event-mapping';
import { listEnabledSubscriptions, unsafeWorkspacesWithEnabledSubscriptions } from './subscription.repository';

/**
 * One pass of the fan-out consumer over every workspace with enabled subscriptions: reads the events
 * outbox after the workspace's persisted cursor, creates one delivery per matching subscription and
 * its first attempt job, and moves the cursor, all in one transaction. The cursor row is locked with
 * SKIP LOCKED, so concurrent consumers split workspaces instead of duplicating deliveries (and the
 * (subscription, event) unique key stops any that slipped through). Returns deliveries created.
 */
export async function fanOutEvents(deps: IntegrationDeps, batchSize = 500): Promise<number> {
  let created = 0;
  for (const workspaceId of await unsafeWorkspacesWithEnabledSubscriptions(deps.db)) {
    try {
      created += await fanOutWorkspace(deps, workspaceId, batchSize);
    } catch (error) {
      deps.logger.warn({ err: error, workspaceId }, 'webhook fan-out failed for a workspace; will retry');
    }
  }
  return created;
}

async function fanOutWorkspace(deps: IntegrationDeps, workspaceId: string, batchSize: number): Promise<number> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const position = await lockCursor(tx, workspaceId);
    if (!position) {
      // Missing (created lazily) or held by another consumer, in which case this does nothing.
      await ensureCursor(tx, workspaceId, await feedHead(tx));
      return 0;
    }
    const events = await committedEventsAfter(tx, workspaceId, position, batchSize);
    if (events.length === 0) return 0;
    const subscriptions = await listEnabledSubscriptions(tx, workspaceId);
    const now = deps.clock.now();
    const rows = [];
    for (const event of events) {
      const type = externalTypeOf(event);
      if (!type) continue;
      for (const subscription of subscriptions) {
        if (!subscription.events.includes(type) || event.createdAt < subscription.active_since) continue;
        rows.push({ workspace_id: workspaceId, id: newId(), subscription_id: subscription.id, event_id: event.id, event_type: type, status: 'pending' as const, next_attempt_at: now, created_at: now });
      }
    }
    const ids = await insertDeliveries(tx, rows);
    for (const deliveryId of ids) {
      await enqueue(tx, jobCatalog.deliverWebhook, { workspaceId, deliveryId }, { workspaceId, singletonKey: `webhook:${deliveryId}:1` });
    }
    await saveCursor(tx, workspaceId, events[events.length - 1]!.position, now);
    return ids.length;
  });
}
