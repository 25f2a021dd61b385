import type { RealtimeErrorCode } from './errors';

/** The HTTP side of the event stream's errors (see platform/http/error-statuses.ts). */
export const realtimeErrorStatuses = {
  invalid_last_event_id: 422,
} as const satisfies Record<RealtimeErrorCode, number>;
