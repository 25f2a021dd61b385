import { AppError } from '../../platform/http';

export const integrationErrors = {
  notFound: (what = 'webhook subscription') => new AppError(404, 'not_found', `No such ${what} in this workspace.`),
};
