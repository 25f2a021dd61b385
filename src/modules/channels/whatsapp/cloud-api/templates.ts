import { z } from 'zod';
import type { GraphHttp } from './graph-http';
import type { TemplateDefinition } from './template-definition';

/** A template as Meta lists it; components stay in Meta's shape, and unknown fields are kept. */
export const metaTemplate = z.object({
  id: z.string().min(1),
  name: z.string(),
  language: z.string(),
  status: z.string(),
  category: z.string(),
  parameter_format: z.string().optional(),
  sub_category: z.string().optional(),
  components: z.array(z.record(z.string(), z.unknown())).default([]),
}).loose();

export type MetaTemplate = z.infer<typeof metaTemplate>;

const templatePage = z.object({
  data: z.array(metaTemplate),
  paging: z.object({
    cursors: z.object({ after: z.string().optional() }).loose().optional(),
    next: z.string().optional(),
  }).loose().optional(),
});

const createdTemplate = z.object({ id: z.string().min(1), status: z.string(), category: z.string() });
const successResponse = z.object({ success: z.literal(true) });

export interface ListTemplatesOptions {
  /** Page size (Graph's `limit`). */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  after?: string;
  /** Meta's status filter, e.g. `APPROVED`. */
  status?: string;
  name?: string;
}

export interface TemplatePage {
  data: MetaTemplate[];
  /** Null on the last page. */
  nextCursor: string | null;
}

const listedFields = 'id,name,language,status,category,parameter_format,sub_category,components,quality_score,rejected_reason';

export async function listTemplates(http: GraphHttp, wabaId: string, options: ListTemplatesOptions = {}): Promise<TemplatePage> {
  const page = await http.call({
    method: 'GET',
    path: `/${wabaId}/message_templates`,
    query: { fields: listedFields, limit: options.limit, after: options.after, status: options.status, name: options.name },
    schema: templatePage,
  });
  // Graph sends `paging.next` only when another page exists; its `after` cursor resumes there.
  const after = page.paging?.next ? page.paging.cursors?.after : undefined;
  return { data: page.data, nextCursor: after ?? null };
}

/** Every template of the account, page after page. */
export async function* listAllTemplates(
  http: GraphHttp,
  wabaId: string,
  options: Omit<ListTemplatesOptions, 'after'> = {},
): AsyncGenerator<MetaTemplate> {
  let after: string | undefined;
  do {
    const page = await listTemplates(http, wabaId, { ...options, ...(after ? { after } : {}) });
    yield* page.data;
    after = page.nextCursor ?? undefined;
  } while (after);
}

/** Submits a template for review; it starts PENDING and its verdict arrives by webhook. */
export async function createTemplate(
  http: GraphHttp,
  wabaId: string,
  definition: TemplateDefinition,
): Promise<{ id: string; status: string; category: string }> {
  return http.call({ method: 'POST', path: `/${wabaId}/message_templates`, json: definition, schema: createdTemplate });
}

/**
 * Deletes a template: by name alone, every language of it; with `hsmId` (the template id),
 * that one translation. A deleted approved name cannot be reused for 30 days.
 */
export async function deleteTemplate(http: GraphHttp, wabaId: string, target: { name: string; hsmId?: string }): Promise<void> {
  await http.call({
    method: 'DELETE',
    path: `/${wabaId}/message_templates`,
    query: { hsm_id: target.hsmId, name: target.name },
    schema: successResponse,
  });
}
