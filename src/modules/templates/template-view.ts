import { z } from 'zod';
import type { TemplateRow } from './tables';

export const templateView = z.object({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  category: z.string().nullable(),
  status: z.string().nullable(),
  quality: z.string().nullable(),
  components: z.array(z.record(z.string(), z.unknown())),
  rejectedReason: z.string().optional(),
});

export function toTemplateView(r: TemplateRow): z.infer<typeof templateView> {
  return {
    id: r.id, name: r.name, language: r.language, category: r.category, status: r.status, quality: r.quality,
    components: Array.isArray(r.components) ? (r.components as Record<string, unknown>[]) : [],
    ...(r.rejected_reason ? { rejectedReason: r.rejected_reason } : {}),
  };
}
