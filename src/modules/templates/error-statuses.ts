import type { TemplateErrorCode } from './errors';

/** The HTTP side of templates' errors (see platform/http/error-statuses.ts). */
export const templateErrorStatuses = {
  template_rejected: 422,
} as const satisfies Record<TemplateErrorCode, number>;
