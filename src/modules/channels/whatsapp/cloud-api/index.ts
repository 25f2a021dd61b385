/** The Cloud API client's public surface; `src/modules/channels/index.ts` re-exports it. */
export { CloudApiClient, type CloudApiClientConfig } from './cloud-api-client';
export { GraphTransport, type GraphTransportOptions } from './graph-transport';
export type { CloudApiLogger } from './graph-http';

export { buildMessage, type SendOptions } from './build-message';
export * as content from './build-content';
export * as interactive from './build-interactive';
export * as templateMessage from './build-template';
export { readReceipt, typingIndicator, type ReadReceipt, type TypingIndicator } from './build-status-update';

export { messageContent, messageSchemaWith, outboundMessage, type MessageContent, type MessageType, type OutboundMessage } from './outbound-message';
export * from './message-objects';
export * from './interactive-objects';
export * from './template-message-objects';
export type * from './template-definition';

export type { SendResult } from './send-message';
export type { MediaInfo, MediaUpload } from './media';
export type { MediaStream } from './download-media';
export { sha256DigestMatches, sha256Matches } from './media-sha256';
export type { ListTemplatesOptions, MetaTemplate, TemplatePage } from './templates';
export { mpsForThroughputLevel, type PhoneNumberInfo } from './phone-number';

export { classifyGraphError, type GraphErrorClassification } from './classify-graph-error';
export type { GraphErrorClass } from './graph-error-codes';
export type { RetryPolicy, RetryScope } from './retry-policy';
export {
  CloudApiError,
  GraphApiError,
  GraphHttpError,
  GraphNetworkError,
  UnexpectedGraphResponseError,
  type NetworkFailure,
  type RequestOutcome,
} from './errors';
export { InvalidMessageError } from './invalid-message-error';
export { MediaDownloadError, type MediaDownloadFailure } from './media-download-error';
