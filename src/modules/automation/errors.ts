import { AppError, notFound } from '../../platform/http';

export const automationErrorCodes = ['keyword_without_words'] as const;
export type AutomationErrorCode = (typeof automationErrorCodes)[number];

export const automationErrors = {
  keywordReplyNotFound: () => notFound('keyword reply'),
  keywordWithoutWords: () =>
    new AppError<AutomationErrorCode>('keyword_without_words', 'Each keyword needs at least one letter or digit (punctuation and emoji alone never match).'),
};
