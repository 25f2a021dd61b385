import { newId, type TenantTx } from '../../platform/db';
import type { MetaTemplate } from '../channels';
import type { TemplateRow } from './tables';

export function findTemplateByName(tx: TenantTx, workspaceId: string, wabaId: string, name: string, language: string): Promise<TemplateRow | undefined> {
  return tx.selectFrom('templates').selectAll().where('workspace_id', '=', workspaceId).where('waba_id', '=', wabaId).where('name', '=', name).where('language', '=', language).executeTakeFirst();
}

export function listTemplateRows(tx: TenantTx, workspaceId: string, opts: { limit: number; before?: string }): Promise<TemplateRow[]> {
  let q = tx.selectFrom('templates').selectAll().where('workspace_id', '=', workspaceId);
  if (opts.before) q = q.where('id', '<', opts.before);
  return q.orderBy('id', 'desc').limit(opts.limit).execute();
}

/** Inserts or refreshes templates as Meta lists them (keyed by Meta's template id). */
export async function upsertTemplates(tx: TenantTx, workspaceId: string, wabaId: string, templates: MetaTemplate[], at: Date): Promise<void> {
  if (!templates.length) return;
  await tx
    .insertInto('templates')
    .values(templates.map((t) => ({
      workspace_id: workspaceId, id: newId(), waba_id: wabaId, meta_template_id: t.id, name: t.name, language: t.language, category: t.category,
      status: t.status, components: JSON.stringify(t.components), parameter_format: t.parameter_format ?? null, synced_at: at, updated_at: at,
    })))
    .onConflict((oc) => oc.columns(['workspace_id', 'meta_template_id']).doUpdateSet((eb) => ({
      name: eb.ref('excluded.name'), language: eb.ref('excluded.language'), category: eb.ref('excluded.category'), status: eb.ref('excluded.status'),
      components: eb.ref('excluded.components'), parameter_format: eb.ref('excluded.parameter_format'), synced_at: eb.ref('excluded.synced_at'), updated_at: eb.ref('excluded.updated_at'),
    })))
    .execute();
}

export function findTemplateById(tx: TenantTx, workspaceId: string, id: string): Promise<TemplateRow | undefined> {
  return tx.selectFrom('templates').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}
