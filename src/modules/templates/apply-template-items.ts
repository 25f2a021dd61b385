import { publishEvent } from '../../platform/events';
import { metaText, type ItemHandler } from '../channels';
import type { TemplatesDeps } from './deps';
import { upsertTemplate } from './template-webhook.repository';

// Template names, enums and ids become columns: repaired and bounded text, or absent.
const str = (v: unknown) => metaText(v, 512);

/** Meta's template status, quality and category updates: the template row follows Meta's word. */
export function templateItemHandler(deps: Pick<TemplatesDeps, 'clock'>): ItemHandler<'template'> {
  return async (tx, workspaceId, items) => {
    const now = deps.clock.now();
    for (const item of items) {
      const v = item.value;
      const status = item.field === 'message_template_status_update' ? str(v.event) : undefined;
      const id = await upsertTemplate(tx, workspaceId, {
        wabaId: item.wabaId,
        // The item is a template item because it names one (see the channels' itemsOf).
        metaTemplateId: str(v.message_template_id)!,
        name: str(v.message_template_name),
        language: str(v.message_template_language),
        category: str(v.new_category) ?? str(v.message_template_category),
        status,
        quality: item.field === 'message_template_quality_update' ? str(v.new_quality_score) : undefined,
        rejectedReason: status ? (str(v.reason) ?? null) : undefined,
      }, now);
      await publishEvent(tx, workspaceId, 'template.status', { templateId: id, status: status ?? 'updated' });
    }
  };
}
