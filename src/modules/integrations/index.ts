export { registerWebhookSubscriptionRoutes } from './webhook.routes';
export { defaultWebhookPolicy, type IntegrationDeps, type WebhookPolicy } from './deps';
export { createEnricherRegistry, type EnricherRegistry, type PayloadEnricher } from './payload-enrichers';
export { externalEventTypes, type ExternalEventType } from './event-mapping';
export { fanOutEvents } from './fan-out-events';
export { deliverWebhook } from './deliver-webhook';
export { startWebhookFanOut, webhookJobHandlers } from './webhook-worker';
