import { z } from 'zod';
import { normalizePhone } from '../../platform/crypto';

// One rule for a customer's phone number, whoever writes it (the API, a CSV import): written in
// international form, 8 to 15 digits once spaces and punctuation go (E.164), no leading 0.
const WRITTEN_FORM = /^\+?[\d\s().-]+$/;

/** The number's digits, or null when it is not a phone number in international form. */
export function phoneDigitsOf(value: string): string | null {
  const digits = normalizePhone(value);
  if (!WRITTEN_FORM.test(value.trim()) || digits.length < 8 || digits.length > 15 || digits.startsWith('0')) return null;
  return digits;
}

export const PHONE_HINT = 'Write the phone number in international form, with the country code, e.g. +14155550123.';

export const phoneNumberSchema = z.string().max(32).refine((value) => phoneDigitsOf(value) !== null, PHONE_HINT);
