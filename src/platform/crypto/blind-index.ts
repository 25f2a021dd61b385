import { createHmac, createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';

// Blind indexes: a keyed HMAC of a normalized value is stored beside the ciphertext, so an exact
// lookup (phone, wa_id, BSUID) or a word search compares tokens without the database ever
// holding the value. Equal normalized values give equal tokens within one workspace and purpose;
// different workspaces and purposes use different keys, so tokens cannot be correlated across them.

export const blindPurposes = ['phone', 'wa_id', 'bsuid', 'email', 'word'] as const;
export type BlindPurpose = (typeof blindPurposes)[number];

const TOKEN_BYTES = 16;

/** Digits only: "+1 (631) 555-1181" and "16315551181" are one phone. */
export function normalizePhone(value: string): string {
  return value.normalize('NFKC').replace(/\D/g, '');
}

/** Opaque ids (wa_id, BSUID) compare exactly, apart from surrounding whitespace. */
export function normalizeId(value: string): string {
  return value.normalize('NFKC').trim();
}

export function normalizeEmail(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase();
}

/**
 * Case- and accent-insensitive form for search: NFKC folds compatibility forms (full-width
 * letters, ligatures), lower case, then marks are stripped ("São" → "sao", Arabic harakat dropped).
 */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

// The default locale's word rules; ICU's dictionaries also split scripts without spaces (Thai, CJK).
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

// Intl.Segmenter costs ~100 µs per short message, most of an inbound batch's indexing time. In
// plain ASCII, UAX #29 joins letters and digits into one word and breaks at every other character,
// except that "_" joins anything next to it and . , ; : ' join when letters or digits sit on both
// sides ("don't", "3.14"). Text without those cases splits on non-alphanumerics with the same
// result; anything else takes ICU's rules.
const ASCII_ONLY = /^\p{ASCII}*$/u;
const ICU_ONLY = /_|[a-z0-9][.,;:'][a-z0-9]/;

/** The distinct searchable words of a text, normalized; punctuation and emoji are not words. */
export function searchTokens(text: string): string[] {
  const normalized = normalizeForSearch(text);
  if (ASCII_ONLY.test(normalized) && !ICU_ONLY.test(normalized)) return [...new Set(normalized.match(/[a-z0-9]+/g))];
  const words = new Set<string>();
  for (const part of segmenter.segment(normalized)) {
    if (part.isWordLike) words.add(part.segment);
  }
  return [...words];
}

const normalizers: Record<BlindPurpose, (value: string) => string> = {
  phone: normalizePhone,
  wa_id: normalizePhone,
  bsuid: normalizeId,
  email: normalizeEmail,
  word: normalizeForSearch,
};

/**
 * Whether a value has something to index once normalized. Webhooks carry ids like "", "+" or a
 * placeholder ("abc" as a wa_id): callers skip those for indexing instead of failing on them.
 */
export function isIndexable(purpose: BlindPurpose, value: string): boolean {
  return normalizers[purpose](value) !== '';
}

/** One HMAC key per purpose, derived from an index secret (a workspace's, or the ingress one). */
export function deriveBlindKey(indexSecret: KeyObject, purpose: BlindPurpose): KeyObject {
  return createSecretKey(Buffer.from(hkdfSync('sha256', indexSecret, Buffer.alloc(0), `whatgrow/blind-index/${purpose}/v1`, 32)));
}

/**
 * base64url of the first 16 bytes of HMAC-SHA256 over the purpose's normal form (22 characters).
 * An empty normal form is refused: webhooks carry `wa_id: ""` for username users, and one shared
 * token for every empty value would make unrelated contacts match.
 */
export function blindTokenWith(key: KeyObject, purpose: BlindPurpose, value: string): string {
  const normalized = normalizers[purpose](value);
  if (normalized === '') throw new Error(`Nothing to index: the ${purpose} is empty once normalized`);
  return createHmac('sha256', key).update(normalized).digest().subarray(0, TOKEN_BYTES).toString('base64url');
}
