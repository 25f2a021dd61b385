import { sql } from 'kysely';
import { newId, type TenantTx } from '../../platform/db';

// Template facts from Meta's webhooks (status, quality, category), applied by the inbound
// processor in its transaction. The templates module owns the table, so its SQL lives here.

export interface TemplateChange {
  wabaId: string;
  metaTemplateId: string;
  name?: string;
  language?: string;
  category?: string;
  status?: string;
  quality?: string;
  rejectedReason?: string | null;
}

/** Creates or updates a template row from Meta's webhook; returns its id. */
export async function upsertTemplate(tx: TenantTx, workspaceId: string, c: TemplateChange, at: Date): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    insert into templates (workspace_id, id, waba_id, meta_template_id, name, language, category, status, quality, rejected_reason, updated_at)
    values (${workspaceId}, ${newId()}, ${c.wabaId}, ${c.metaTemplateId}, ${c.name ?? ''}, ${c.language ?? ''}, ${c.category ?? null}, ${c.status ?? null}, ${c.quality ?? null}, ${c.rejectedReason ?? null}, ${at})
    on conflict (workspace_id, meta_template_id) do update set
      name = case when excluded.name <> '' then excluded.name else templates.name end,
      language = case when excluded.language <> '' then excluded.language else templates.language end,
      category = coalesce(excluded.category, templates.category),
      status = coalesce(excluded.status, templates.status),
      quality = coalesce(excluded.quality, templates.quality),
      rejected_reason = case when excluded.status is not null then excluded.rejected_reason else templates.rejected_reason end,
      updated_at = excluded.updated_at
    returning id`.execute(tx);
  return rows[0]!.id;
}
