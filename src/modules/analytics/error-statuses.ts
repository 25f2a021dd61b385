import type { AnalyticsErrorCode } from './errors';

/** The HTTP side of analytics' errors (see platform/http/error-statuses.ts). */
export const analyticsErrorStatuses = {
  invalid_range: 422,
} as const satisfies Record<AnalyticsErrorCode, number>;
