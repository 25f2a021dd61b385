import { z } from 'zod';
import { API_BODY_LIMIT_BYTES } from '../../../platform/http';
import { importErrors } from '../errors';
import { CONSENT_VALUES, IMPORT_LIMITS } from './read-import-file';

/** What the import route parses as a file (any other media type → 415). */
export const IMPORT_MEDIA_TYPES = ['text/csv', 'application/csv'] as const;

const L = IMPORT_LIMITS;
const consentWords = (granted: boolean) => Object.keys(CONSENT_VALUES).filter((word) => CONSENT_VALUES[word] === granted).join('/');
const COLUMNS = [
  `phone (required): the contact's number in international (E.164) form, e.g. +14155550123; one row per number`,
  `name: up to ${L.name} characters`,
  `tags: up to ${L.tags} tags of up to ${L.tag} characters, separated by ";" or "|"`,
  `marketing_consent: ${consentWords(true)} grants marketing consent, ${consentWords(false)} revokes it (any case); empty leaves it unchanged`,
  `any other column: an attribute named by its header (up to ${L.attributeKey} characters), values up to ${L.attributeValue} characters`,
];

/**
 * The import body in the OpenAPI document: one CSV file as the raw body (not multipart), its
 * columns from the reader's own rules. The route's parser hands the bytes over untouched, so the
 * schema only checks they are bytes; the import reads and validates the rows.
 */
export const importCsvBody = z.custom<Buffer>((value) => Buffer.isBuffer(value), { message: importErrors.csvRequired().message }).meta({
  type: 'string',
  contentMediaType: 'text/csv',
  description:
    `A CSV file (RFC 4180: comma-separated, fields with commas, quotes or line breaks in double quotes), UTF-8, at most ${API_BODY_LIMIT_BYTES} bytes. ` +
    `The first row is the header (phone, name, tags and marketing_consent are recognized whatever their case); its columns, in any order:\n- ${COLUMNS.join('\n- ')}`,
  examples: ['phone,name,tags,marketing_consent,city\n+14155550123,Ann Lee,vip;spring,yes,Lisbon\n+14155550124,"Diaz, Bo",,no,Porto\n'],
});
