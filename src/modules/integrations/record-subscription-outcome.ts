import type { TenantTx } from '../../platform/db';
import type { IntegrationDeps } from './deps';
import { findSubscription, updateSubscription } from './subscription.repository';

/**
 * Keeps a subscription's failure streak: a success resets it; a failed attempt extends it, and a
 * streak of `disableAfterFailures` attempts spanning `disableAfterMs` disables the subscription,
 * recording why (POST /:id/enable re-enables it).
 */
export async function recordSubscriptionOutcome(deps: IntegrationDeps, tx: TenantTx, workspaceId: string, subscriptionId: string, ok: boolean, now: Date) {
  const subscription = await findSubscription(tx, workspaceId, subscriptionId, { forUpdate: true });
  if (!subscription) return;
  if (ok) {
    if (subscription.consecutive_failures > 0) await updateSubscription(tx, workspaceId, subscriptionId, { consecutive_failures: 0, failing_since: null });
    return;
  }
  const failures = subscription.consecutive_failures + 1;
  const failingSince = subscription.failing_since ?? now;
  const { disableAfterFailures, disableAfterMs } = deps.policy;
  const disable = subscription.enabled && failures >= disableAfterFailures && now.getTime() - failingSince.getTime() >= disableAfterMs;
  if (!disable) {
    await updateSubscription(tx, workspaceId, subscriptionId, { consecutive_failures: failures, failing_since: failingSince });
    return;
  }
  const reason = `disabled automatically after ${failures} consecutive failed deliveries since ${failingSince.toISOString()}`;
  await updateSubscription(tx, workspaceId, subscriptionId, { consecutive_failures: failures, failing_since: failingSince, enabled: false, disabled_at: now, disabled_reason: reason, updated_at: now });
  await deps.audit.record(tx, workspaceId, { type: 'system', id: 'webhooks' }, {
    action: 'webhook_subscription.disabled',
    target: { type: 'webhook_subscription', id: subscriptionId },
    details: { consecutiveFailures: failures, failingSince: failingSince.toISOString() },
  });
}
