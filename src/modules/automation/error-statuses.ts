import type { AutomationErrorCode } from './errors';

/** The HTTP side of automation's errors (see platform/http/error-statuses.ts). */
export const automationErrorStatuses = {
  keyword_without_words: 422,
} as const satisfies Record<AutomationErrorCode, number>;
