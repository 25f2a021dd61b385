import { AppError } from '../../platform/http';

export const realtimeErrorCodes = ['invalid_last_event_id'] as const;
export type RealtimeErrorCode = (typeof realtimeErrorCodes)[number];

export const realtimeErrors = {
  invalidLastEventId: () => new AppError<RealtimeErrorCode>('invalid_last_event_id', 'Last-Event-ID must be the id of an event this stream sent.'),
};
