export { registerWebhookRoutes, WEBHOOK_BODY_LIMIT_BYTES } from './webhook.routes';
export { ingestWebhook } from './ingest-webhook';
export { GroupCommitter } from './group-commit';
export { unsafeInsertEnvelopes, unsafeCountParkedEnvelopes, type NewEnvelope } from './envelope.repository';
export { startEnvelopeProcessor, type ProcessorOptions } from './process-envelopes';
export { purgeProcessedEnvelopes, DEFAULT_ENVELOPE_RETENTION_DAYS } from './purge-envelopes';
export type { ChannelRef, InboundItem, InboundSink } from './inbound-items';
export type { WebhookIngressDeps } from './deps';
export { signatureMatches } from './signature';
