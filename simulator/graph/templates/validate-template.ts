// Template creation rules (reference §5): Meta answers code 100 with a 2388xxx subcode and
// a user title for each broken rule.
import { GraphError, invalidParam } from '../graph-error';
import { isObj, type Obj } from '../validate/checks';
import type { TemplateComponent } from './template-store';
import { variablesIn } from './variables';

const creationError = (subcode: number, userTitle: string, details: string): GraphError => new GraphError(100, details, subcode, userTitle);

const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'GIF', 'DOCUMENT', 'LOCATION'];
const BUTTON_LIMITS: Record<string, number> = { QUICK_REPLY: 10, URL: 2, PHONE_NUMBER: 1, COPY_CODE: 1, OTP: 1, FLOW: 1, CATALOG: 1, MPM: 1, VOICE_CALL: 1 };

export function validateTemplateComponents(raw: unknown, parameterFormat: 'POSITIONAL' | 'NAMED'): TemplateComponent[] {
  if (!Array.isArray(raw) || raw.length === 0) throw invalidParam('The parameter components is required.');
  const components = raw.map((c, i) => {
    if (!isObj(c) || typeof c.type !== 'string') throw invalidParam(`Param components[${i}]['type'] is required.`);
    return { ...c, type: c.type.toUpperCase() } as TemplateComponent;
  });
  const count = (type: string) => components.filter((c) => c.type === type).length;
  if (count('BODY') !== 1) throw invalidParam('A template needs exactly one BODY component.');
  for (const type of ['HEADER', 'FOOTER', 'BUTTONS']) if (count(type) > 1) throw invalidParam(`A template may have at most one ${type} component.`);
  for (const c of components) {
    if (c.type === 'HEADER') checkHeader(c, parameterFormat);
    else if (c.type === 'BODY') checkText(c, 'body', 1024, parameterFormat, 'body_text');
    else if (c.type === 'FOOTER') checkFooter(c);
    else if (c.type === 'BUTTONS') checkButtons(c);
    else throw invalidParam(`Param components type must be one of {HEADER, BODY, FOOTER, BUTTONS} - got "${c.type}".`);
  }
  return components;
}

function checkHeader(c: TemplateComponent, format: 'POSITIONAL' | 'NAMED'): void {
  const f = String(c.format ?? '').toUpperCase();
  if (!HEADER_FORMATS.includes(f)) throw creationError(2388047, 'Invalid header format', `Header format must be one of ${HEADER_FORMATS.join(', ')}.`);
  c.format = f;
  if (f !== 'TEXT') return;
  checkText(c, 'header', 60, format, 'header_text');
  if (variablesIn(c.text).length > 1) throw creationError(2388047, 'Too many header variables', 'A text header can have at most one variable.');
}

function checkText(c: TemplateComponent, where: string, max: number, format: 'POSITIONAL' | 'NAMED', exampleKey: string): void {
  if (typeof c.text !== 'string' || c.text.trim() === '') throw invalidParam(`The ${where} text is required.`);
  if ([...c.text].length > max) throw creationError(2388040, 'Character limit exceeded', `The ${where} text may be at most ${max} characters.`);
  const vars = variablesIn(c.text);
  if (vars.length === 0) return;
  if (format === 'POSITIONAL') {
    if (vars.some((v, i) => v !== String(i + 1))) throw creationError(2388072, 'Invalid variable format', `Variables in the ${where} must be {{1}}, {{2}}, ... in order.`);
  } else if (vars.some((v) => !/^[a-z_][a-z0-9_]{0,19}$/.test(v))) {
    throw creationError(2388072, 'Invalid variable format', 'Named variables use lower-case letters, digits and underscores.');
  }
  const trimmed = c.text.trim();
  if (where === 'body' && (/^\{\{[^}]+\}\}/.test(trimmed) || /\{\{[^}]+\}\}$/.test(trimmed))) {
    throw creationError(2388299, 'Variables can not be at the start or end', 'The body cannot start or end with a variable.');
  }
  const example = isObj(c.example) ? c.example : {};
  const hasExample = format === 'POSITIONAL' ? example[exampleKey] !== undefined : example[`${exampleKey}_named_params`] !== undefined;
  if (!hasExample) throw invalidParam(`The ${where} has variables but no example values (example.${format === 'NAMED' ? exampleKey + '_named_params' : exampleKey}).`);
}

function checkFooter(c: TemplateComponent): void {
  if (typeof c.text !== 'string' || c.text === '') throw invalidParam('The footer text is required.');
  if ([...c.text].length > 60) throw creationError(2388040, 'Character limit exceeded', 'The footer text may be at most 60 characters.');
  if (variablesIn(c.text).length > 0) throw creationError(2388073, 'Invalid footer format', 'The footer cannot contain variables.');
}

function checkButtons(c: TemplateComponent): void {
  const buttons = c.buttons;
  if (!Array.isArray(buttons) || buttons.length === 0) throw invalidParam('The BUTTONS component needs buttons.');
  if (buttons.length > 10) throw invalidParam('A template may have at most 10 buttons.');
  const perType = new Map<string, number>();
  for (const b of buttons as Obj[]) {
    const type = String(b.type ?? '').toUpperCase();
    if (!(type in BUTTON_LIMITS)) throw invalidParam(`Button type must be one of ${Object.keys(BUTTON_LIMITS).join(', ')}.`);
    b.type = type;
    perType.set(type, (perType.get(type) ?? 0) + 1);
    if (perType.get(type)! > BUTTON_LIMITS[type]!) throw invalidParam(`A template may have at most ${BUTTON_LIMITS[type]} ${type} buttons.`);
    if (type !== 'OTP' && (typeof b.text !== 'string' || [...b.text].length > 25)) {
      throw creationError(2388040, 'Character limit exceeded', 'Button text is required and may be at most 25 characters.');
    }
    if (type === 'URL' && typeof b.url !== 'string') throw invalidParam('A URL button needs a url.');
  }
}
