// The shapes of the templates API, from the types generated from the server's OpenAPI document.
import type { ApiItem, ApiResponse } from '../../app/apiSchema';

// Meta's components are open objects in the API's schema.
export type Template = Omit<ApiItem<'/api/v1/templates'>, 'components'> & { components: Record<string, unknown>[] };

export type LintIssue = ApiResponse<'/api/v1/templates', 'post'>['warnings'][number];

export type CreatedTemplate = Template & { warnings: LintIssue[] };

export type Category = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';

// The distinct {{…}} variables of a text, in order of first appearance (one example each).
export { variablesAsWritten as variablesOf } from '../../app/templateVariables';

export function bodyText(template: Template): string | undefined {
  const body = template.components.find((c) => String(c.type).toUpperCase() === 'BODY');
  return typeof body?.text === 'string' ? body.text : undefined;
}

// Meta's review states as a reader would say them; an unknown state is shown as Meta names it.
export function statusLabel(status: string | null): string {
  switch (status) {
    case 'APPROVED': return 'Approved';
    case 'PENDING': return 'In review';
    case 'REJECTED': return 'Rejected';
    case 'PAUSED': return 'Paused';
    case 'DISABLED': return 'Disabled';
    case null: return 'Unknown';
    default: return status.replace(/_/g, ' ').toLowerCase().replace(/^./, (c) => c.toUpperCase());
  }
}

export function qualityLabel(quality: string | null): string {
  if (!quality || quality === 'UNKNOWN') return 'Not rated yet';
  return quality.charAt(0) + quality.slice(1).toLowerCase();
}
