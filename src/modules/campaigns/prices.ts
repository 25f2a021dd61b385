/**
 * Per-message prices (USD) by category and the recipient's country calling code, from Meta's
 * published rate card (2025-07, per-message pricing). Kept in the repository; update with Meta's
 * card. Unknown countries fall back to "other".
 */
const RATES: Record<string, { MARKETING: number; UTILITY: number; AUTHENTICATION: number }> = {
  '1': { MARKETING: 0.025, UTILITY: 0.004, AUTHENTICATION: 0.0135 },
  '44': { MARKETING: 0.0529, UTILITY: 0.022, AUTHENTICATION: 0.0358 },
  '49': { MARKETING: 0.1365, UTILITY: 0.0456, AUTHENTICATION: 0.0768 },
  '33': { MARKETING: 0.0859, UTILITY: 0.0248, AUTHENTICATION: 0.0408 },
  '34': { MARKETING: 0.0615, UTILITY: 0.02, AUTHENTICATION: 0.0325 },
  '39': { MARKETING: 0.0691, UTILITY: 0.02, AUTHENTICATION: 0.0359 },
  '55': { MARKETING: 0.0625, UTILITY: 0.0068, AUTHENTICATION: 0.0315 },
  '52': { MARKETING: 0.0305, UTILITY: 0.0085, AUTHENTICATION: 0.0135 },
  '91': { MARKETING: 0.0107, UTILITY: 0.0014, AUTHENTICATION: 0.0014 },
  '62': { MARKETING: 0.0411, UTILITY: 0.025, AUTHENTICATION: 0.025 },
  '234': { MARKETING: 0.0516, UTILITY: 0.0067, AUTHENTICATION: 0.0067 },
  '27': { MARKETING: 0.0379, UTILITY: 0.0076, AUTHENTICATION: 0.0076 },
  other: { MARKETING: 0.0604, UTILITY: 0.0077, AUTHENTICATION: 0.0302 },
};

export const CURRENCY = 'USD';

/** The calling code of an E.164 number (longest match in the table), or "other". */
export function countryOf(phone: string | null): string {
  const digits = (phone ?? '').replace(/\D/g, '');
  for (const len of [3, 2, 1]) if (RATES[digits.slice(0, len)]) return digits.slice(0, len);
  return 'other';
}

export function priceOf(category: string, country: string): number {
  const rates = RATES[country] ?? RATES.other!;
  return rates[category.toUpperCase() as keyof typeof rates] ?? rates.UTILITY;
}

/** Free categories of status webhooks' pricing (service replies, free entry points). */
const FREE = new Set(['SERVICE', 'REFERRAL_CONVERSION']);

/**
 * The price of one billed message from its status webhook's `pricing.category` (Meta writes
 * `authentication-international` with a hyphen, `marketing_lite` for Marketing Messages Lite):
 * variants are billed at their base category's rate; a category missing from the webhook is
 * billed at the campaign template's.
 */
export function billedPriceOf(pricingCategory: string | null, country: string | null, templateCategory: string): number {
  const c = (pricingCategory ?? templateCategory).toUpperCase().replace(/-/g, '_');
  if (FREE.has(c)) return 0;
  const base = c.startsWith('MARKETING') ? 'MARKETING' : c.startsWith('AUTHENTICATION') ? 'AUTHENTICATION' : c.startsWith('UTILITY') ? 'UTILITY' : templateCategory;
  return priceOf(base, country ?? 'other');
}
