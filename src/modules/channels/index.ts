// Channels' public surface, listed name by name: connected numbers, their Graph client, webhook ingress.
export type { ChannelDeps } from './deps';
export { registerChannelRoutes } from './channels.routes';
export { provisionSandboxChannel } from './provision-sandbox-channel';
export { SANDBOX_GRAPH_PATH, sandboxGraphUrl } from './graph-endpoint';
export { listSandboxNumbers, type SandboxNumber } from './sandbox-numbers';
export { unsafeLoadChannelCredentials, loadChannelCredentialsById, clientFor } from './channel-credentials';
export { resolveWorkspaceChannel } from './workspace-channel';
export { channelItemHandlers } from './apply-account-items';

// The Cloud API client.
export {
  CloudApiClient,
  GraphTransport,
  messageSchemaWith,
  replyContext,
  classifyGraphError,
  CloudApiError,
  GraphApiError,
  GraphHttpError,
  GraphNetworkError,
  InvalidMessageError,
  type OutboundMessage,
  type TemplateObject,
  type MetaTemplate,
  type RetryPolicy,
  type RetryScope,
} from './whatsapp/cloud-api';

// Webhook ingress: verify, store, process envelopes into items, and the sink that applies them by kind.
export { registerWebhookRoutes } from './whatsapp/webhooks/webhook.routes';
export { GroupCommitter } from './whatsapp/webhooks/group-commit';
export { unsafeInsertEnvelopes, unsafeCountParkedEnvelopes, type NewEnvelope } from './whatsapp/webhooks/envelope.repository';
export { startEnvelopeProcessor } from './whatsapp/webhooks/process-envelopes';
export { purgeProcessedEnvelopes } from './whatsapp/webhooks/purge-envelopes';
export type { InboundItem, RejectItem } from './whatsapp/webhooks/inbound-items';
export { sinkByKind, type ItemHandler, type ItemHandlers } from './whatsapp/webhooks/sink-by-kind';
export type { WebhookIngressDeps } from './whatsapp/webhooks/deps';
export { metaId, metaText, metaTime } from './whatsapp/webhooks/meta-values';
export { channelDataPart } from './channel-personal-data';
