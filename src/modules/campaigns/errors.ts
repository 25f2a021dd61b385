import { AppError, notFound, type PlatformErrorCode } from '../../platform/http';

export const campaignErrorCodes = ['invalid_state'] as const;
export type CampaignErrorCode = (typeof campaignErrorCodes)[number];

const campaignError = (code: CampaignErrorCode | PlatformErrorCode, message: string, details?: Record<string, unknown>) => new AppError(code, message, details);

export const campaignErrors = {
  notFound: () => notFound('campaign'),
  invalidState: (status: string, action: string) => campaignError('invalid_state', `A ${status} campaign cannot ${action}.`, { status }),
  /** An audience by import names a completed import of this workspace; `status` is undefined when it names none. */
  importNotUsable: (status: string | undefined) => {
    const message = status ? `The import is ${status}: wait until it completes.` : notFound('import').message;
    return campaignError('validation_failed', message, { issues: [{ path: 'audience.importId', message }] });
  },
};
