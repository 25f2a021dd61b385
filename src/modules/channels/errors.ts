import { AppError, notFound, type PlatformErrorCode } from '../../platform/http';

export const channelErrorCodes = [
  'channel_already_connected',
  'channel_credentials_rejected',
  'channel_required',
  'invalid_signature',
  'storage_unavailable',
] as const;
export type ChannelErrorCode = (typeof channelErrorCodes)[number];

const channelError = (code: ChannelErrorCode | PlatformErrorCode, message: string, details?: Record<string, unknown>) => new AppError(code, message, details);

export const channelErrors = {
  alreadyConnected: () => channelError('channel_already_connected', 'This phone number id is already connected to a workspace. Disconnect it there first.'),
  credentialsRejected: (hint: string, graphCode?: number) =>
    channelError('channel_credentials_rejected', `Meta refused the credentials: ${hint}`, graphCode === undefined ? undefined : { graphCode }),
  notFound: () => notFound('channel'),
  noChannel: () => channelError('channel_required', 'Connect a WhatsApp channel first.'),
  severalChannels: () => channelError('channel_required', 'This workspace has several channels: say which one with channelId.'),
  notSandbox: () => notFound('sandbox channel'),
};

/** Meta's webhook deliveries: refused before anything is stored. */
export const webhookErrors = {
  invalidJson: () => channelError('invalid_json', 'The body is not JSON.'),
  invalidSignature: () => channelError('invalid_signature', 'X-Hub-Signature-256 does not verify with the app secret of any channel the envelope names.'),
  storageUnavailable: () => channelError('storage_unavailable', 'The database is unreachable for a moment; nothing was stored. Please retry.'),
};
