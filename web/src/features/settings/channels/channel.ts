import type { ApiItem, ApiResponse } from '../../../app/apiSchema';

// The channel as GET /api/v1/channels returns it (never its token or secrets).
export type Channel = ApiItem<'/api/v1/channels'>;
export type ChannelList = ApiResponse<'/api/v1/channels'>;
