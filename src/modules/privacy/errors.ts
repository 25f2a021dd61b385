import { notFound } from '../../platform/http';

/** The privacy module's closed set of refusals. */
export const privacyErrors = {
  contactNotFound: () => notFound('contact'),
  certificateNotFound: () => notFound('erasure certificate'),
};
