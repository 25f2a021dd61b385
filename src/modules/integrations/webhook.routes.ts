import { z } from 'zod';
import { decodeCursor, listResponse, pageOf, pageQuery, type AppInstance } from '../../platform/http';
import { actorOf, requirePrincipal } from '../auth';
import { createSubscription } from './create-subscription';
import type { IntegrationDeps } from './deps';
import { externalEventTypes } from './event-mapping';
import { enableSubscription, getSubscription, listSubscriptionDeliveries, listWorkspaceSubscriptions, patchSubscription, removeSubscription } from './manage-subscriptions';
import { deliveryView, subscriptionView, toDeliveryView, toSubscriptionView } from './subscription-view';

const tags = ['webhooks'];
const idParams = z.object({ id: z.string() });
const events = z.array(z.enum(externalEventTypes)).min(1).max(externalEventTypes.length);
const createBody = z.object({ url: z.string().min(1).max(2000).describe('http(s) endpoint of your system; checked after DNS resolution: an address that is not public (loopback, private, link-local…) or does not resolve → 422 url_not_allowed'), events });
const patchBody = z.object({ url: z.string().min(1).max(2000), events, enabled: z.boolean() }).partial().refine((b) => Object.keys(b).length > 0, 'send at least one field to change');
const created = subscriptionView.extend({ secret: z.string().describe('The signing secret, shown only in this response. Verify X-WhatGrow-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>.') });
const cursorOf = (row: { created_at: Date; id: string }) => ({ at: row.created_at.toISOString(), id: row.id });

/** Outgoing webhooks: subscriptions, their signed deliveries' log, enabling after automatic disabling. */
export function registerWebhookSubscriptionRoutes(app: AppInstance, deps: IntegrationDeps): void {
  app.post('/api/v1/webhook-subscriptions', {
    config: { access: 'webhooks.manage' },
    schema: { tags, description: 'Subscribe an endpoint to events. Deliveries are POSTs of {"id", "type", "createdAt", "data"}, signed, retried with exponential backoff, and the subscription is disabled after repeated failures.', body: createBody, response: { 201: created } },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    const { row, secret } = await createSubscription(deps, principal.workspaceId, actorOf(principal), request.body);
    return reply.status(201).send({ ...toSubscriptionView(row), secret });
  });

  app.get('/api/v1/webhook-subscriptions', { config: { access: 'webhooks.manage' }, schema: { tags, querystring: pageQuery, response: { 200: listResponse(subscriptionView) } } }, async (request) => {
    const rows = await listWorkspaceSubscriptions(deps, requirePrincipal(request).workspaceId, request.query.limit, decodeCursor(request.query.cursor));
    const page = pageOf(rows, request.query.limit, cursorOf);
    return { data: page.data.map(toSubscriptionView), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/webhook-subscriptions/:id', { config: { access: 'webhooks.manage' }, schema: { tags, params: idParams, response: { 200: subscriptionView } } }, async (request) =>
    toSubscriptionView(await getSubscription(deps, requirePrincipal(request).workspaceId, request.params.id)),
  );

  app.patch('/api/v1/webhook-subscriptions/:id', { config: { access: 'webhooks.manage' }, schema: { tags, description: 'Change the URL or events, or disable (enabled: false) / re-enable.', params: idParams, body: patchBody, response: { 200: subscriptionView } } }, async (request) => {
    const principal = requirePrincipal(request);
    return toSubscriptionView(await patchSubscription(deps, principal.workspaceId, actorOf(principal), request.params.id, request.body));
  });

  app.delete('/api/v1/webhook-subscriptions/:id', { config: { access: 'webhooks.manage' }, schema: { tags, params: idParams } }, async (request, reply) => {
    const principal = requirePrincipal(request);
    await removeSubscription(deps, principal.workspaceId, actorOf(principal), request.params.id);
    return reply.status(204).send();
  });

  app.post('/api/v1/webhook-subscriptions/:id/enable', { config: { access: 'webhooks.manage' }, schema: { tags, description: 'Re-enable a subscription (for example after automatic disabling); events from now on are delivered.', params: idParams, response: { 200: subscriptionView } } }, async (request) => {
    const principal = requirePrincipal(request);
    return toSubscriptionView(await enableSubscription(deps, principal.workspaceId, actorOf(principal), request.params.id));
  });

  app.get('/api/v1/webhook-subscriptions/:id/deliveries', { config: { access: 'webhooks.manage' }, schema: { tags, description: 'The delivery log, newest first: status, attempts, last status code, error and duration.', params: idParams, querystring: pageQuery, response: { 200: listResponse(deliveryView) } } }, async (request) => {
    const rows = await listSubscriptionDeliveries(deps, requirePrincipal(request).workspaceId, request.params.id, request.query.limit, decodeCursor(request.query.cursor));
    const page = pageOf(rows, request.query.limit, cursorOf);
    return { data: page.data.map(toDeliveryView), nextCursor: page.nextCursor };
  });
}
