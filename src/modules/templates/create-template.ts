import { withTenant } from '../../platform/db';
import { clientFor, GraphApiError, loadChannelCredentialsById, type MetaTemplate } from '../channels';
import type { Actor } from '../privacy';
import type { TemplatesDeps } from './deps';
import { templateErrors } from './errors';
import { lintTemplate, type LintIssue, type TemplateInput } from './lint-template';
import { findTemplateByName, upsertTemplates } from './template.repository';
import type { TemplateRow } from './tables';

/** Lints, then submits to the channel's WABA; stored as Meta answered (usually PENDING; approval comes by webhook). */
export async function createTemplate(deps: TemplatesDeps, workspaceId: string, actor: Actor, channelId: string, input: TemplateInput): Promise<{ row: TemplateRow; warnings: LintIssue[] }> {
  const { errors, warnings } = lintTemplate(input);
  if (errors.length) throw templateErrors.breaksRules(errors);
  const creds = await loadChannelCredentialsById(deps.channels, workspaceId, channelId);
  if (!creds) throw templateErrors.channelNotFound();
  let created: { id: string; status: string; category: string };
  try {
    created = await clientFor(deps.channels, creds).createTemplate(input as never);
  } catch (error) {
    if (error instanceof GraphApiError && error.class === 'terminal') throw templateErrors.rejectedByMeta(error);
    throw error;
  }
  const meta = { id: created.id, name: input.name, language: input.language, status: created.status, category: created.category ?? input.category, components: input.components } as MetaTemplate;
  const row = await withTenant(deps.db, workspaceId, async (tx) => {
    await upsertTemplates(tx, workspaceId, creds.wabaId, [meta], deps.clock.now());
    const stored = (await findTemplateByName(tx, workspaceId, creds.wabaId, input.name, input.language))!;
    await deps.audit.record(tx, workspaceId, actor, { action: 'template.create', target: { type: 'template', id: stored.id }, details: { channelId, category: input.category, status: created.status } });
    return stored;
  });
  return { row, warnings };
}
