import { AppError } from '../../platform/http';

/** The analytics module's closed set of error codes. */
export const analyticsErrors = {
  invalidRange: (maxDays: number) => new AppError(422, 'invalid_range', `"from" must be on or before "to", at most ${maxDays} days apart.`),
  channelNotFound: () => new AppError(404, 'channel_not_found', 'No such channel in this workspace.'),
};
