import { z } from 'zod';
import { externalEventTypes } from './event-mapping';
import type { DeliveryRow, SubscriptionRow } from './tables';

export const subscriptionView = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(externalEventTypes)),
  enabled: z.boolean(),
  consecutiveFailures: z.number().int(),
  disabledAt: z.string().nullable(),
  disabledReason: z.string().nullable().describe('Why the subscription was disabled (by a member, or automatically after repeated failures).'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** The secret is never part of a view: it is shown once, in the creation response only. */
export const toSubscriptionView = (row: SubscriptionRow): z.infer<typeof subscriptionView> => ({
  id: row.id,
  url: row.url,
  events: row.events as z.infer<typeof subscriptionView>['events'],
  enabled: row.enabled,
  consecutiveFailures: row.consecutive_failures,
  disabledAt: row.disabled_at?.toISOString() ?? null,
  disabledReason: row.disabled_reason,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export const deliveryView = z.object({
  id: z.string().describe('Also sent as X-WhatGrow-Delivery.'),
  eventId: z.string().describe('The body\'s "id", also sent as X-WhatGrow-Event.'),
  type: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed']),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastDurationMs: z.number().int().nullable(),
  createdAt: z.string(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});

export const toDeliveryView = (row: DeliveryRow): z.infer<typeof deliveryView> => ({
  id: row.id,
  eventId: String(row.event_id),
  type: row.event_type,
  status: row.status,
  attempts: row.attempts,
  lastStatusCode: row.last_status_code,
  lastError: row.last_error,
  lastDurationMs: row.last_duration_ms,
  createdAt: row.created_at.toISOString(),
  lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
  nextAttemptAt: row.status === 'pending' ? (row.next_attempt_at?.toISOString() ?? null) : null,
  completedAt: row.completed_at?.toISOString() ?? null,
});
