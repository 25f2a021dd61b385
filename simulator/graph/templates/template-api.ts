// /<WABA_ID>/message_templates (create, list, delete) and /<TEMPLATE_ID> (get, edit,
// unpause). New and edited templates are PENDING, then APPROVED after the review delay.
import { GraphError, invalidParam } from '../graph-error';
import { ok, type GraphReply, type GraphRequest } from '../graph-request';
import { isObj, type Obj } from '../validate/checks';
import { setTemplateStatus } from './change-template';
import { TEMPLATE_LIMIT_PER_WABA, templateToGraph, type Template, type TemplateCategory } from './template-store';
import { validateTemplateComponents } from './validate-template';

const CATEGORIES: TemplateCategory[] = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];
const EDITABLE = new Set(['APPROVED', 'REJECTED', 'PAUSED']);

export function createTemplate(req: GraphRequest, wabaId: string): GraphReply {
  const body = isObj(req.body) ? req.body : {};
  const { engine } = req;
  const name = body.name;
  if (typeof name !== 'string' || !/^[a-z0-9_]{1,512}$/.test(name)) {
    throw new GraphError(100, 'Template names may contain only lower-case letters, digits and underscores.', 2388043, 'Invalid template name');
  }
  if (typeof body.language !== 'string' || body.language === '') throw invalidParam('The parameter language is required.');
  const category = String(body.category ?? '').toUpperCase() as TemplateCategory;
  if (!CATEGORIES.includes(category)) throw invalidParam(`Param category must be one of {${CATEGORIES.join(', ')}}.`);
  const parameterFormat = body.parameter_format === 'NAMED' ? 'NAMED' : 'POSITIONAL';
  const components = validateTemplateComponents(body.components, parameterFormat);
  if (engine.templates.find(wabaId, name, body.language)) {
    throw new GraphError(100, `Content in this language already exists: ${name} (${body.language}).`, 2388024, 'Message template already exists');
  }
  if (engine.templates.listByWaba(wabaId).length >= TEMPLATE_LIMIT_PER_WABA) {
    throw new GraphError(100, `A WhatsApp Business Account can have up to ${TEMPLATE_LIMIT_PER_WABA} message templates.`, 2388019, 'Message template limit exceeded');
  }
  const template: Template = {
    id: engine.random.digits(15),
    wabaId,
    name,
    language: body.language,
    category,
    parameterFormat,
    components,
    status: 'PENDING',
    qualityScore: 'UNKNOWN',
    qualityDateSec: engine.clock.nowSeconds(),
    rejectedReason: 'NONE',
    pacing: false,
    pauses: 0,
  };
  engine.templates.add(template);
  scheduleReview(req, template);
  return ok({ id: template.id, status: template.status, category: template.category });
}

function scheduleReview(req: GraphRequest, template: Template): void {
  req.engine.later(req.engine.options.templateReviewMs, () => {
    if (template.status === 'PENDING') setTemplateStatus(req.engine, template, 'APPROVED');
  });
}

export function listTemplates(req: GraphRequest, wabaId: string): GraphReply {
  const q = req.query;
  let list = req.engine.templates.listByWaba(wabaId);
  if (q.name) list = list.filter((t) => t.name.includes(q.name!));
  if (q.status) list = list.filter((t) => t.status === q.status!.toUpperCase());
  if (q.category) list = list.filter((t) => t.category === q.category!.toUpperCase());
  if (q.language) list = list.filter((t) => t.language === q.language);
  const limit = Math.min(Math.max(Number(q.limit) || 25, 1), 1000);
  const start = q.after ? Number(Buffer.from(q.after, 'base64url').toString()) || 0 : 0;
  const page = list.slice(start, start + limit);
  const fields = q.fields ? new Set(q.fields.split(',').map((f) => f.trim())) : null;
  const data = page.map((t) => {
    const full = templateToGraph(t);
    return fields ? Object.fromEntries(Object.entries(full).filter(([k]) => fields.has(k) || k === 'id')) : full;
  });
  const cursor = (n: number) => Buffer.from(String(n)).toString('base64url');
  const paging: Obj = { cursors: { before: cursor(start), after: cursor(start + page.length) } };
  if (start + page.length < list.length) paging.next = `${req.baseUrl}/${req.version ?? 'v24.0'}/${wabaId}/message_templates?limit=${limit}&after=${cursor(start + page.length)}`;
  return ok({ data, paging });
}

export function getTemplate(req: GraphRequest, t: Template): GraphReply {
  const full = templateToGraph(t);
  if (!req.query.fields) return ok(full);
  const fields = new Set(req.query.fields.split(',').map((f) => f.trim()));
  return ok(Object.fromEntries(Object.entries(full).filter(([k]) => fields.has(k) || k === 'id')));
}

export function editTemplate(req: GraphRequest, t: Template): GraphReply {
  const body = isObj(req.body) ? req.body : {};
  if (!EDITABLE.has(t.status)) throw invalidParam(`Templates with status ${t.status} cannot be edited.`);
  if (body.category !== undefined) {
    const category = String(body.category).toUpperCase() as TemplateCategory;
    if (t.status === 'APPROVED' && category !== t.category) throw invalidParam('The category of an approved template cannot be changed.');
    if (!CATEGORIES.includes(category)) throw invalidParam(`Param category must be one of {${CATEGORIES.join(', ')}}.`);
    t.category = category;
  }
  if (body.components !== undefined) t.components = validateTemplateComponents(body.components, t.parameterFormat);
  t.status = 'PENDING';
  scheduleReview(req, t);
  return ok({ success: true });
}

export function unpauseTemplate(req: GraphRequest, t: Template): GraphReply {
  if (t.status !== 'PAUSED') throw invalidParam(`Only paused templates can be unpaused; this one is ${t.status}.`);
  setTemplateStatus(req.engine, t, 'APPROVED');
  return ok({ success: true });
}

/** `?name=` deletes every language of the name; `?hsm_id=&name=` one template. */
export function deleteTemplates(req: GraphRequest, wabaId: string): GraphReply {
  const { name, hsm_id: hsmId } = req.query;
  if (!name) throw invalidParam('The parameter name is required.');
  const targets = req.engine.templates.listByWaba(wabaId).filter((t) => t.name === name && (!hsmId || t.id === hsmId));
  if (targets.length === 0) throw new GraphError(100, `Message template "${name}" not found.`, 2593002, 'Message template not found');
  if (targets.some((t) => t.status === 'DISABLED')) throw invalidParam('Disabled templates cannot be deleted.');
  for (const t of targets) {
    setTemplateStatus(req.engine, t, 'PENDING_DELETION');
    req.engine.templates.remove(t.id);
  }
  return ok({ success: true });
}
