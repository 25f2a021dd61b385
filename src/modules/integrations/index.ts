export { registerWebhookSubscriptionRoutes } from './webhook.routes';
export { defaultWebhookPolicy, type IntegrationDeps } from './deps';
export { createEnricherRegistry } from './payload-enrichers';
export { startWebhookFanOut, webhookJobHandlers } from './webhook-worker';
