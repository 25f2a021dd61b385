// Turns an approved template's definition (Meta's components: HEADER, BODY, BUTTONS with {{1}} or
// {{name}} variables) into the slots of a form, and the form's values into a send's `components`
// (Meta's send shape, which the campaign API takes; values may hold {{contact.name}} and
// {{contact.attributes.<key>}}, filled per recipient by the server).

import { fillVariables, isPositional, sendVariables as variablesOf } from '../../../app/templateVariables';
import type { Template } from '../../templates/template';

export type TemplateDefinition = Template;

export type Slot =
  | { key: string; component: 'header' | 'body'; name: string; kind: 'text' }
  | { key: string; component: 'header'; name: string; kind: 'image' | 'video' | 'document' }
  | { key: string; component: 'button'; index: number; name: string; kind: 'text' };


const upper = (value: unknown) => String(value ?? '').toUpperCase();

export function slotsOf(template: TemplateDefinition): Slot[] {
  const slots: Slot[] = [];
  for (const c of template.components) {
    const type = upper(c.type);
    if (type === 'HEADER') {
      const format = upper(c.format || 'TEXT');
      if (format === 'TEXT') for (const name of variablesOf(c.text)) slots.push({ key: `header.${name}`, component: 'header', name, kind: 'text' });
      else if (format === 'IMAGE' || format === 'VIDEO' || format === 'DOCUMENT') slots.push({ key: 'header.media', component: 'header', name: format.toLowerCase(), kind: format.toLowerCase() as 'image' });
    }
    if (type === 'BODY') for (const name of variablesOf(c.text)) slots.push({ key: `body.${name}`, component: 'body', name, kind: 'text' });
    if (type === 'BUTTONS' && Array.isArray(c.buttons)) {
      (c.buttons as Record<string, unknown>[]).forEach((b, index) => {
        for (const name of variablesOf(b.url)) slots.push({ key: `button.${index}.${name}`, component: 'button', index, name, kind: 'text' });
      });
    }
  }
  return slots;
}

export function slotLabel(slot: Slot): string {
  if (slot.kind !== 'text') return `Header ${slot.kind} link`;
  const where = slot.component === 'button' ? `Button ${slot.index + 1} link` : slot.component === 'header' ? 'Header' : 'Body';
  return `${where} variable {{${slot.name}}}`;
}

function parameter(slot: Slot, value: string): Record<string, unknown> {
  if (slot.kind !== 'text') return { type: slot.kind, [slot.kind]: { link: value } };
  return isPositional(slot.name) ? { type: 'text', text: value } : { type: 'text', parameter_name: slot.name, text: value };
}

export function sendComponents(slots: Slot[], values: Record<string, string>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const header = slots.filter((s) => s.component === 'header');
  const body = slots.filter((s) => s.component === 'body');
  if (header.length) out.push({ type: 'header', parameters: header.map((s) => parameter(s, values[s.key] ?? '')) });
  if (body.length) out.push({ type: 'body', parameters: body.map((s) => parameter(s, values[s.key] ?? '')) });
  const buttons = new Map<number, Slot[]>();
  for (const s of slots) if (s.component === 'button') buttons.set(s.index, [...(buttons.get(s.index) ?? []), s]);
  for (const [index, list] of buttons) out.push({ type: 'button', sub_type: 'url', index: String(index), parameters: list.map((s) => parameter(s, values[s.key] ?? '')) });
  return out;
}

/** The body text with each variable replaced by what was typed (placeholders shown as typed). */
export function previewBody(template: TemplateDefinition, values: Record<string, string>): string {
  const body = template.components.find((c) => upper(c.type) === 'BODY');
  const text = typeof body?.text === 'string' ? body.text : '';
  return fillVariables(text, (name) => values[`body.${name}`]);
}
