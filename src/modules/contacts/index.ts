export type { ContactsDeps } from './deps';
export { resolveContacts, addIdentity, type IdentityRef, type ResolvedContact, NAME_CONTEXT, PHONE_CONTEXT } from './resolve-contacts';
export { recordConsent, verifyConsentChain, type ConsentSource } from './record-consent';
export { consentKeyword } from './consent-keywords';
export { consentChangeBy } from './consent-change';
export { findContacts } from './contact.repository';
export { registerContactRoutes } from './contacts.routes';
export * from './outbound-port';
