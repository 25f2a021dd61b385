import type { TemplateObject } from '../channels';
import type { AudienceMember } from '../contacts';

/** The contact fields a template's parameters may name. */
export type ContactFields = Pick<AudienceMember, 'name' | 'attributes'>;

const PLACEHOLDER = /\{\{\s*contact\.(name|attributes\.([A-Za-z0-9_.-]+))\s*\}\}/g;

/** Fills {{contact.name}} and {{contact.attributes.<key>}} in every text of the template's parameters. */
export function renderTemplate(template: TemplateObject, member: ContactFields): TemplateObject {
  const fill = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(PLACEHOLDER, (_m, _what: string, key?: string) => (key ? (member.attributes[key] ?? '') : (member.name ?? '')));
    if (Array.isArray(value)) return value.map(fill);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
    return value;
  };
  return template.components ? { ...template, components: fill(template.components) as TemplateObject['components'] } : template;
}
