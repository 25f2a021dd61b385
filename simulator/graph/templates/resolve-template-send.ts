// A template send checked against the stored template, as Meta does synchronously:
// unknown or unapproved → 132001 (404), paused 132015, disabled 132016, parameter count
// mismatch 132000, wrong parameter kind 132012, forbidden characters 132018, filled body too
// long 132005. Returns the filled-in template, which the customer's phone renders.
import { GraphError } from '../graph-error';
import { isObj, type Obj } from '../validate/checks';
import type { Template, TemplateComponent, TemplateStore } from './template-store';
import { fillVariables, variablesIn } from './variables';

export interface RenderedTemplate {
  header?: { format: string; text?: string; media?: unknown };
  body: string;
  footer?: string;
  buttons: Array<{ type: string; text: string; payload?: string; url?: string }>;
}

export function resolveTemplateSend(store: TemplateStore, wabaId: string, send: Obj): { template: Template; rendered: RenderedTemplate } {
  const name = send.name as string;
  const code = (send.language as Obj).code as string;
  const template = store.find(wabaId, name, code);
  if (!template) throw new GraphError(132001, `template name (${name}) does not exist in ${code}`);
  if (template.status === 'PAUSED') throw new GraphError(132015, `Template ${name} is paused due to low quality.`);
  if (template.status === 'DISABLED') throw new GraphError(132016, `Template ${name} is disabled.`);
  if (template.status !== 'APPROVED') throw new GraphError(132001, `template name (${name}) is not approved in ${code} (status ${template.status})`);

  const sent = (Array.isArray(send.components) ? send.components : []).filter(isObj);
  const rendered: RenderedTemplate = { body: '', buttons: [] };

  const header = templatePart(template, 'HEADER');
  const sentHeader = paramsOf(sentComponent(sent, 'header'));
  if (header) rendered.header = renderHeader(header, sentHeader);
  else if (sentHeader.length > 0) throw new GraphError(132000, 'header: the template has no header, but header parameters were given');

  const body = templatePart(template, 'BODY');
  rendered.body = fillText('body', body?.text ?? '', paramsOf(sentComponent(sent, 'body')));
  if ([...rendered.body].length > 1024) throw new GraphError(132005, 'The body text with its parameters is longer than 1024 characters.');
  const footer = templatePart(template, 'FOOTER');
  if (footer?.text) rendered.footer = footer.text;
  rendered.buttons = renderButtons(templatePart(template, 'BUTTONS'), sent.filter((c) => String(c.type).toLowerCase() === 'button'));
  return { template, rendered };
}

function templatePart(template: Template, type: string): TemplateComponent | undefined {
  return template.components.find((c) => c.type.toUpperCase() === type);
}

function sentComponent(sent: Obj[], type: string): Obj | undefined {
  return sent.find((c) => String(c.type).toLowerCase() === type);
}

function paramsOf(component: Obj | undefined): Obj[] {
  return Array.isArray(component?.parameters) ? component.parameters.filter(isObj) : [];
}

function renderHeader(header: TemplateComponent, params: Obj[]): RenderedTemplate['header'] {
  const format = String(header.format ?? 'TEXT').toUpperCase();
  if (format === 'TEXT') return { format, text: fillText('header', header.text ?? '', params) };
  const expected = format === 'GIF' ? 'video' : format.toLowerCase();
  if (params.length !== 1) throw new GraphError(132000, `header: expected 1 ${expected} parameter, received ${params.length}`);
  const p = params[0]!;
  if (p.type !== expected) throw new GraphError(132012, `header: expected a ${expected} parameter, received ${String(p.type)}`);
  return { format, media: p[expected] };
}

function fillText(where: string, text: string, params: Obj[]): string {
  const names = variablesIn(text);
  if (names.length !== params.length) {
    throw new GraphError(132000, `${where}: number of localizable_params (${params.length}) does not match the expected number of params (${names.length})`);
  }
  const values = new Map<string, string>();
  params.forEach((p, i) => {
    const value = parameterText(where, p);
    const key = typeof p.parameter_name === 'string' ? p.parameter_name : String(i + 1);
    if (!names.includes(key)) throw new GraphError(132000, `${where}: parameter "${key}" does not match any variable of the template`);
    values.set(key, value);
  });
  return fillVariables(text, values);
}

function parameterText(where: string, p: Obj): string {
  if (p.type === 'text') {
    const text = p.text as string;
    if (/[\n\t]| {5,}/.test(text)) throw new GraphError(132018, 'Param text cannot have new-line/tab characters or more than 4 consecutive spaces');
    return text;
  }
  if (p.type === 'currency' || p.type === 'date_time') return String((p[p.type] as Obj).fallback_value);
  throw new GraphError(132012, `${where}: parameter of type ${String(p.type)} is not allowed here`);
}

function renderButtons(part: TemplateComponent | undefined, sent: Obj[]): RenderedTemplate['buttons'] {
  const buttons = part?.buttons ?? [];
  for (const s of sent) {
    if (Number(s.index) >= buttons.length) throw new GraphError(132012, `button at index ${String(s.index)} does not exist in the template`);
  }
  return buttons.map((b, i) => {
    const given = sent.find((s) => Number(s.index) === i);
    const param = paramsOf(given)[0];
    const type = b.type.toUpperCase();
    const out: RenderedTemplate['buttons'][number] = { type, text: b.text ?? '' };
    if (type === 'QUICK_REPLY') {
      if (given && String(given.sub_type).toLowerCase() !== 'quick_reply') throw new GraphError(132012, `button ${i} is a quick reply button`);
      out.payload = typeof param?.payload === 'string' ? param.payload : out.text;
    } else if (type === 'URL' && typeof b.url === 'string') {
      const needsSuffix = variablesIn(b.url).length > 0;
      if (needsSuffix && typeof param?.text !== 'string') throw new GraphError(132000, `button ${i}: the URL button needs 1 text parameter`);
      out.url = needsSuffix ? fillVariables(b.url, new Map([['1', param!.text as string]])) : b.url;
    } else if (type === 'COPY_CODE' && typeof param?.coupon_code !== 'string') {
      throw new GraphError(132000, `button ${i}: the copy code button needs a coupon_code parameter`);
    }
    return out;
  });
}
