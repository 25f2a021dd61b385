import { normalizePhone, searchTokens, type Keyring } from '../../platform/crypto';
import type { TenantTx } from '../../platform/db';

// Names are encrypted, so contact search compares blind tokens (keyed HMACs, purpose "word"):
// each name word, each of its prefixes of 3+ characters (so "alex" finds "Alexandra"), and each
// suffix of 4+ digits of the phone (so the last digits find the number). A query must match all
// of its terms.
const MIN_PREFIX = 3;
const MAX_WORD = 32;
const MIN_DIGITS = 4;
const PHONE_QUERY = /^\+?[\d\s().-]{4,24}$/;

function nameTerms(name: string): string[] {
  const terms = new Set<string>();
  for (const word of searchTokens(name)) {
    const chars = [...word].slice(0, MAX_WORD);
    terms.add(word);
    for (let n = MIN_PREFIX; n <= chars.length; n++) terms.add(chars.slice(0, n).join(''));
  }
  return [...terms];
}

function phoneTerms(phone: string): string[] {
  const digits = normalizePhone(phone);
  const terms: string[] = [];
  for (let n = MIN_DIGITS; n <= digits.length; n++) terms.push(digits.slice(-n));
  return terms;
}

/** The tokens stored on a contact row for its name and phone. */
export async function contactSearchTokens(keyring: Keyring, tx: TenantTx, workspaceId: string, fields: { name: string | null; phone: string | null }): Promise<string[]> {
  const terms = [...(fields.name ? nameTerms(fields.name) : []), ...(fields.phone ? phoneTerms(fields.phone) : [])];
  const tokens = new Set<string>();
  for (const term of new Set(terms)) tokens.add(await keyring.blindToken(tx, workspaceId, 'word', term));
  return [...tokens];
}

/** The tokens a contact must all hold to match `q`: a phone-like query is one digits term. */
export async function queryTokens(keyring: Keyring, tx: TenantTx, workspaceId: string, q: string): Promise<string[]> {
  const terms = PHONE_QUERY.test(q.trim()) ? [normalizePhone(q)] : searchTokens(q);
  return Promise.all(terms.map((t) => keyring.blindToken(tx, workspaceId, 'word', t)));
}
