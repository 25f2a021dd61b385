import { AppError, notFound, type PlatformErrorCode, type ValidationIssue } from '../../platform/http';

export const contactErrorCodes = ['contact_exists', 'consent_withdrawn_by_customer'] as const;
export type ContactErrorCode = (typeof contactErrorCodes)[number];

const contactError = (code: ContactErrorCode | PlatformErrorCode, message: string, details?: Record<string, unknown>) => new AppError(code, message, details);

export const contactErrors = {
  notFound: () => notFound('contact'),
  exists: (id: string) => contactError('contact_exists', 'A contact with this phone number already exists.', { contactId: id }),
  withdrawnByCustomer: (withdrawnAt: Date) =>
    contactError(
      'consent_withdrawn_by_customer',
      `The customer withdrew marketing consent themselves on ${withdrawnAt.toISOString().slice(0, 10)}. It stays withdrawn until they opt in again (for example by sending START), or you record their new consent with proof collected after that date.`,
      { withdrawnAt: withdrawnAt.toISOString() },
    ),
  proofFromTheFuture: () =>
    contactError('validation_failed', 'The proof cannot be collected in the future.', { issues: [{ path: 'proof.collectedAt', message: 'a moment in the past' }] }),
};

/** Refusals of a CSV import, before any row is read. */
export const importErrors = {
  csvRequired: () => contactError('unsupported_media_type', 'Send the file as text/csv.'),
  notUtf8: () => contactError('validation_failed', 'The file is not UTF-8 text.', { issues: [{ path: 'body', message: 'not UTF-8' }] }),
  headerUnusable: (issues: ValidationIssue[]) => contactError('validation_failed', 'The CSV header cannot be imported.', { issues }),
};
