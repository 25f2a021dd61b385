import { AppError, notFound } from '../../platform/http';

export const analyticsErrorCodes = ['invalid_range'] as const;
export type AnalyticsErrorCode = (typeof analyticsErrorCodes)[number];

export const analyticsErrors = {
  invalidRange: (maxDays: number) => new AppError<AnalyticsErrorCode>('invalid_range', `"from" must be on or before "to", at most ${maxDays} days apart.`, { maxDays }),
  channelNotFound: () => notFound('channel'),
};
