import { withTenant } from '../../platform/db';
import { findEvent } from '../../platform/events';
import { enqueue, jobCatalog } from '../../platform/jobs';
import { findDelivery, recordAttempt } from './delivery.repository';
import type { IntegrationDeps } from './deps';
import type { ExternalEventType } from './event-mapping';
import { postWebhook, type PostResult } from './post-webhook';
import { recordSubscriptionOutcome } from './record-subscription-outcome';
import { findSubscription } from './subscription.repository';
import { openSigningSecret, signatureHeader } from './webhook-signing';

const SYSTEM = { type: 'system' as const, id: 'webhooks' };

/**
 * One delivery attempt (the job handler): build and sign the payload in a short transaction, POST it
 * outside any transaction, then record the outcome, schedule the retry or give up, update the
 * subscription's failure streak and audit the attempt. Receivers dedupe by X-WhatGrow-Delivery.
 */
export async function deliverWebhook(deps: IntegrationDeps, workspaceId: string, deliveryId: string): Promise<void> {
  const prepared = await withTenant(deps.db, workspaceId, async (tx) => {
    const delivery = await findDelivery(tx, workspaceId, deliveryId);
    if (!delivery || delivery.status !== 'pending') return null;
    const subscription = await findSubscription(tx, workspaceId, delivery.subscription_id);
    const event = await findEvent(tx, workspaceId, Number(delivery.event_id));
    if (!subscription?.enabled || !event) return { delivery, skip: subscription?.enabled ? 'the event no longer exists' : 'the subscription is disabled' } as const;
    const data = await deps.enrichers.build(tx, workspaceId, delivery.event_type as ExternalEventType, event);
    const body = JSON.stringify({ id: String(event.id), type: delivery.event_type, createdAt: event.createdAt.toISOString(), data });
    return { delivery, url: subscription.url, body, secret: await openSigningSecret(deps.keyring, tx, workspaceId, subscription.secret) } as const;
  });
  if (!prepared) return;
  const { delivery } = prepared;
  const attempt = delivery.attempts + 1;
  let result: PostResult;
  if ('skip' in prepared) result = { statusCode: null, durationMs: 0, error: prepared.skip ?? 'skipped' };
  else {
    const t = Math.floor(deps.clock.now().getTime() / 1000);
    result = await postWebhook(prepared.url, prepared.body, {
      'x-whatgrow-signature': signatureHeader(prepared.secret, t, prepared.body),
      'x-whatgrow-event': String(delivery.event_id),
      'x-whatgrow-event-type': delivery.event_type,
      'x-whatgrow-delivery': delivery.id,
    }, { timeoutMs: deps.policy.timeoutMs, allowPrivate: deps.allowPrivateUrls });
  }
  const skipped = 'skip' in prepared;
  const ok = result.error === null;

  await withTenant(deps.db, workspaceId, async (tx) => {
    const now = deps.clock.now();
    if (skipped) {
      // Not an attempt: the delivery is abandoned (subscription disabled, or event purged).
      if (!(await recordAttempt(tx, workspaceId, delivery.id, delivery.attempts, { status: 'failed', last_error: result.error, next_attempt_at: null, completed_at: now }))) return;
      await deps.audit.record(tx, workspaceId, SYSTEM, {
        action: 'webhook.delivery_abandoned',
        target: { type: 'webhook_delivery', id: delivery.id },
        details: { subscriptionId: delivery.subscription_id, eventId: String(delivery.event_id), type: delivery.event_type, attempts: delivery.attempts },
      });
      return;
    }
    const final = ok || attempt >= deps.policy.maxAttempts;
    const delay = Math.min(deps.policy.retryMaxMs, deps.policy.retryBaseMs * 2 ** (attempt - 1)) * (0.8 + Math.random() * 0.4);
    const nextAttemptAt = final ? null : new Date(now.getTime() + delay);
    const recorded = await recordAttempt(tx, workspaceId, delivery.id, delivery.attempts, {
      attempts: attempt,
      status: ok ? 'succeeded' : final ? 'failed' : 'pending',
      last_status_code: result.statusCode,
      last_error: result.error,
      last_duration_ms: result.durationMs,
      last_attempt_at: now,
      next_attempt_at: nextAttemptAt,
      completed_at: final ? now : null,
    });
    if (!recorded) return; // another runner recorded this attempt already
    if (nextAttemptAt) await enqueue(tx, jobCatalog.deliverWebhook, { workspaceId, deliveryId: delivery.id }, { workspaceId, runAt: nextAttemptAt, singletonKey: `webhook:${delivery.id}:${attempt + 1}` });
    await deps.audit.record(tx, workspaceId, SYSTEM, {
      action: ok ? 'webhook.delivered' : 'webhook.delivery_failed',
      target: { type: 'webhook_delivery', id: delivery.id },
      details: { subscriptionId: delivery.subscription_id, eventId: String(delivery.event_id), type: delivery.event_type, attempt, statusCode: result.statusCode, durationMs: result.durationMs, final },
    });
    await recordSubscriptionOutcome(deps, tx, workspaceId, delivery.subscription_id, ok, now);
  });
}
