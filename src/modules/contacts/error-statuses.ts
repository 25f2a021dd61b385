import type { ContactErrorCode } from './errors';

/** The HTTP side of contacts' errors (see platform/http/error-statuses.ts). */
export const contactErrorStatuses = {
  contact_exists: 409,
  consent_withdrawn_by_customer: 409,
} as const satisfies Record<ContactErrorCode, number>;
