import type { ChannelErrorCode } from './errors';

/** The HTTP side of channels' errors (see platform/http/error-statuses.ts). */
export const channelErrorStatuses = {
  channel_already_connected: 409,
  channel_credentials_rejected: 422,
  channel_required: 422,
  invalid_signature: 401,
  storage_unavailable: 503,
} as const satisfies Record<ChannelErrorCode, number>;
