/** What the outbound module needs of contacts: a send's recipient and marketing consent. */
export { resolveRecipient, type Recipient, type RecipientRef } from './resolve-recipient';
export { marketingConsentOf } from './marketing-consent';
export { analyzeAudienceTables } from '../contact.repository';
export { audienceContactIds, audienceMembers, importStatusOf, type AudienceMember } from './audience';
