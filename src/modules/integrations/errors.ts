import { notFound } from '../../platform/http';

/** Integrations answer only with the platform's codes. */
export const integrationErrors = {
  notFound: () => notFound('webhook subscription'),
};
