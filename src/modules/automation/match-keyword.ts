import { searchTokens } from '../../platform/crypto';

export interface KeywordRule {
  keywords: string[];
  matchType: 'exact' | 'contains';
}

/** A keyword's words as message search sees them (NFKC, lower case, marks stripped, segmented). */
export const keywordWords = (keyword: string) => searchTokens(keyword);

/**
 * exact: the message is the keyword (same words; case, accents and punctuation ignored, so
 * "Precio?" matches "precio"). contains: every word of the keyword is a word of the message.
 */
export function matchesRule(rule: KeywordRule, text: string): boolean {
  const words = searchTokens(text);
  if (!words.length) return false;
  const set = new Set(words);
  return rule.keywords.some((keyword) => {
    const kw = keywordWords(keyword);
    if (!kw.length) return false;
    return rule.matchType === 'exact' ? kw.length === set.size && kw.every((w) => set.has(w)) : kw.every((w) => set.has(w));
  });
}

/** The first rule that matches: exact rules before contains rules, then in the given order. */
export function firstMatch<R extends KeywordRule>(rules: R[], text: string): R | undefined {
  return rules.find((r) => r.matchType === 'exact' && matchesRule(r, text)) ?? rules.find((r) => r.matchType === 'contains' && matchesRule(r, text));
}
