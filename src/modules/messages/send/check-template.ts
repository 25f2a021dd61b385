import type { TenantTx } from '../../../platform/db';
import type { TemplateObject } from '../../channels';
import { expectedParameters, findTemplateByName, parameterMismatches, suppliedParameters } from '../../templates';
import { outboundError } from '../errors';

/** The template exists on the channel's WABA, is approved and gets the right parameters; returns its category. */
export async function checkTemplate(tx: TenantTx, workspaceId: string, wabaId: string, template: TemplateObject): Promise<{ category: string }> {
  const row = await findTemplateByName(tx, workspaceId, wabaId, template.name, template.language.code);
  if (!row) throw outboundError(404, 'template_not_found', `No template "${template.name}" in ${template.language.code} on this channel's account; sync templates or create it first.`, { name: template.name, language: template.language.code });
  if (row.status !== 'APPROVED') throw outboundError(422, 'template_not_approved', `Template "${template.name}" is ${row.status ?? 'not approved'}; only approved templates can be sent.`, { status: row.status });
  const problems = parameterMismatches(expectedParameters(row.components), suppliedParameters(template.components));
  if (problems.length) throw outboundError(422, 'validation_failed', 'The template parameters do not match the template.', { issues: problems.map((message) => ({ path: 'template.components', message })) });
  return { category: (row.category ?? 'UTILITY').toUpperCase() };
}
