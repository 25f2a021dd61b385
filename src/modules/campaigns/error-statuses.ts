import type { CampaignErrorCode } from './errors';

/** The HTTP side of campaigns' errors (see platform/http/error-statuses.ts). */
export const campaignErrorStatuses = {
  invalid_state: 409,
} as const satisfies Record<CampaignErrorCode, number>;
