import { AppError } from '../../platform/http';

export const integrationErrors = {
  invalidUrl: (reason: string) => new AppError(422, 'webhook_url_invalid', `The webhook URL is not allowed: ${reason}`),
  notFound: (what = 'webhook subscription') => new AppError(404, 'not_found', `No such ${what} in this workspace.`),
};
