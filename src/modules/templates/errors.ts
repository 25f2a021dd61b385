import { AppError, notFound, type PlatformErrorCode } from '../../platform/http';
import type { GraphApiError } from '../channels';
import type { LintIssue } from './lint-template';

export const templateErrorCodes = ['template_rejected'] as const;
export type TemplateErrorCode = (typeof templateErrorCodes)[number];

const templateError = (code: TemplateErrorCode | PlatformErrorCode, message: string, details?: Record<string, unknown>) => new AppError(code, message, details);

export const templateErrors = {
  channelNotFound: () => notFound('channel'),
  breaksRules: (issues: LintIssue[]) => templateError('validation_failed', 'The template breaks WhatsApp template rules.', { issues }),
  /** Meta's own words: its title says why it refused the template. */
  rejectedByMeta: (error: GraphApiError) =>
    templateError('template_rejected', error.title, { code: error.code, subcode: error.subcode ?? null, hint: error.hint, details: error.details ?? null }),
};
