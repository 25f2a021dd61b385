import { fillVariables, isPositional, sendVariables as variablesOf } from '../../app/templateVariables';
import type { Preview, Template, TemplateComponent } from './types';

const part = (template: Template, type: string): TemplateComponent | undefined => template.components.find((c) => String(c.type ?? '').toUpperCase() === type);

/** Header and body variables the agent fills ("header.1", "body.1", …). */
export function templateFields(template: Template): { key: string; label: string }[] {
  const header = part(template, 'HEADER');
  const headerVars = header && String(header.format ?? 'TEXT').toUpperCase() === 'TEXT' ? variablesOf(header.text) : [];
  return [
    ...headerVars.map((v) => ({ key: `header.${v}`, label: `Header {{${v}}}` })),
    ...variablesOf(part(template, 'BODY')?.text).map((v) => ({ key: `body.${v}`, label: `Body {{${v}}}` })),
  ];
}

function fill(text: string | undefined, scope: string, values: Record<string, string>, missing: string[]): string {
  return fillVariables(text ?? '', (v) => {
    const value = values[`${scope}.${v}`];
    if (!value) missing.push(`${scope}.${v}`);
    return value;
  });
}

// The local stand-in for POST /templates/:id/preview on servers without it: the same fields.
export function renderPreview(template: Template, values: Record<string, string>): Preview {
  const missing: string[] = [];
  const header = part(template, 'HEADER');
  const footer = part(template, 'FOOTER');
  const buttons = part(template, 'BUTTONS')?.buttons ?? [];
  const format = String(header?.format ?? 'TEXT').toUpperCase();
  return {
    ...(header ? { header: { format, ...(format === 'TEXT' ? { text: fill(header.text, 'header', values, missing) } : {}) } } : {}),
    body: fill(part(template, 'BODY')?.text, 'body', values, missing),
    ...(footer?.text ? { footer: footer.text } : {}),
    ...(buttons.length ? { buttons: buttons.map((b) => ({ type: String(b.type ?? ''), text: String(b.text ?? '') })) } : {}),
    missingParameters: missing,
  };
}

/** Meta's send-side components for the filled values (positional or named parameters). */
export function sendComponents(template: Template, values: Record<string, string>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const scope of ['header', 'body'] as const) {
    const keys = templateFields(template).filter((f) => f.key.startsWith(`${scope}.`)).map((f) => f.key.slice(scope.length + 1));
    if (!keys.length) continue;
    out.push({
      type: scope,
      parameters: keys.map((k) => ({ type: 'text', text: values[`${scope}.${k}`] ?? '', ...(isPositional(k) ? {} : { parameter_name: k }) })),
    });
  }
  return out;
}
