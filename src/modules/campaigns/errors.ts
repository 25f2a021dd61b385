import { AppError } from '../../platform/http';

export type CampaignErrorCode = 'not_found' | 'invalid_state' | 'validation_failed';

export const campaignError = (status: number, code: CampaignErrorCode, message: string, details?: Record<string, unknown>) => new AppError(status, code, message, details);
export const campaignNotFound = () => campaignError(404, 'not_found', 'No such campaign in this workspace.');
