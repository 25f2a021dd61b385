import { AppError, notFound } from '../../platform/http';

export const automationErrors = {
  keywordReplyNotFound: () => notFound('keyword reply'),
  keywordWithoutWords: () => new AppError(422, 'keyword_without_words', 'Each keyword needs at least one letter or digit (punctuation and emoji alone never match).'),
};
