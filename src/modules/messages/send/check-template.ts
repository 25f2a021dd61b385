import type { TenantTx } from '../../../platform/db';
import type { TemplateObject } from '../../channels';
import { expectedParameters, findTemplateByName, parameterMismatches, suppliedParameters } from '../../templates';
import { sendErrors } from '../errors';

/** The template exists on the channel's WABA, is approved and gets the right parameters; returns its category. */
export async function checkTemplate(tx: TenantTx, workspaceId: string, wabaId: string, template: TemplateObject): Promise<{ category: string }> {
  const row = await findTemplateByName(tx, workspaceId, wabaId, template.name, template.language.code);
  if (!row) throw sendErrors.templateNotFound(template.name, template.language.code);
  if (row.status !== 'APPROVED') throw sendErrors.templateNotApproved(template.name, row.status);
  const problems = parameterMismatches(expectedParameters(row.components), suppliedParameters(template.components));
  if (problems.length) throw sendErrors.templateParametersMismatch(problems.map((message) => ({ path: 'template.components', message })));
  return { category: (row.category ?? 'UTILITY').toUpperCase() };
}
