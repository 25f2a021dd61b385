import { withTenant } from '../../platform/db';
import { notFound } from '../../platform/http';
import type { TemplateObject } from '../channels';
import { audienceMembers } from '../contacts';
import type { Actor } from '../privacy';
import type { TemplatesDeps } from './deps';
import { renderTemplate } from './render-template';
import { findTemplateById } from './template.repository';

export interface TemplatePreview {
  header?: { format: string; text?: string };
  body: string;
  footer?: string;
  buttons?: { type: string; text: string }[];
  /** Variables with no value, as "body.2", "header.1", "buttons.0.1" (or the named variable). */
  missingParameters: string[];
}

type Definition = Record<string, unknown>;
type Parameter = Record<string, unknown>;
const VARIABLE = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
// A contact placeholder left in a value means there was no contact to fill it from.
const CONTACT_PLACEHOLDER = /\{\{\s*contact\./;

/** The text a send-side parameter puts in the message (media parameters have none). */
function valueOf(p: Parameter | undefined): string | undefined {
  if (!p) return undefined;
  const fallback = (o: unknown) => (o && typeof o === 'object' ? (o as { fallback_value?: unknown }).fallback_value : undefined);
  const v = p.type === 'text' ? p.text : p.type === 'currency' ? fallback(p.currency) : p.type === 'date_time' ? fallback(p.date_time) : p.type === 'payload' ? p.payload : undefined;
  return typeof v === 'string' && v !== '' && !CONTACT_PLACEHOLDER.test(v) ? v : undefined;
}

/** Fills {{1}}… (positional, in order) or {{name}} (named, by parameter_name); unfilled variables stay as written. */
function fill(text: string, params: Parameter[], path: string, missing: string[]): string {
  return text.replace(VARIABLE, (whole, key: string) => {
    const p = /^\d+$/.test(key) ? params[Number(key) - 1] : params.find((x) => x.parameter_name === key);
    const value = valueOf(p);
    if (value === undefined) missing.push(`${path}.${key}`);
    return value ?? whole;
  });
}

/**
 * A template as a customer would read it: the definition's variables filled from send-style
 * components, whose {{contact.name}} / {{contact.attributes.<key>}} come from `contactId`'s fields.
 * Reading a contact's personal data writes an audit entry.
 */
export async function previewTemplate(deps: TemplatesDeps, workspaceId: string, actor: Actor, id: string, input: { contactId?: string; components?: Record<string, unknown>[] }): Promise<TemplatePreview> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const template = await findTemplateById(tx, workspaceId, id);
    if (!template) throw notFound('template');
    let components = (input.components ?? []) as TemplateObject['components'];
    if (input.contactId) {
      const [member] = await audienceMembers(deps.contacts, tx, workspaceId, [input.contactId]);
      if (!member) throw notFound('contact');
      await deps.audit.record(tx, workspaceId, actor, { action: 'template.preview', target: { type: 'contact', id: member.contactId }, details: { templateId: id } });
      components = renderTemplate({ name: template.name, language: { code: template.language }, components }, member).components;
    }
    const sent = (components ?? []) as Parameter[];
    const paramsOf = (type: string, index?: number) =>
      ((sent.find((c) => c.type === type && (index === undefined || Number(c.index ?? 0) === index))?.parameters as Parameter[] | undefined) ?? []);
    const missing: string[] = [];
    const out: TemplatePreview = { body: '', missingParameters: missing };
    for (const c of (Array.isArray(template.components) ? template.components : []) as Definition[]) {
      const type = String(c.type ?? '').toUpperCase();
      if (type === 'HEADER') {
        const format = String(c.format ?? 'TEXT').toUpperCase();
        if (format === 'TEXT') out.header = { format, text: fill(String(c.text ?? ''), paramsOf('header'), 'header', missing) };
        else {
          out.header = { format };
          if (format !== 'LOCATION' && !paramsOf('header').length) missing.push('header.1');
        }
      } else if (type === 'BODY') out.body = fill(String(c.text ?? ''), paramsOf('body'), 'body', missing);
      else if (type === 'FOOTER') out.footer = String(c.text ?? '');
      else if (type === 'BUTTONS' && Array.isArray(c.buttons)) {
        out.buttons = (c.buttons as Definition[]).map((b, i) => {
          if (typeof b.url === 'string') fill(b.url, paramsOf('button', i), `buttons.${i}`, missing);
          return { type: String(b.type ?? ''), text: String(b.text ?? '') };
        });
      }
    }
    return out;
  });
}
