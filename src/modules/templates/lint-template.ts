/**
 * Checks a template definition before it is submitted, with Meta's rules (reference §5, error
 * 2388xxx): name, lengths, {{n}} numbering contiguous from 1 with examples, no leading or trailing
 * variable in the body, header/footer/buttons counts and grouping. Warnings hint at category
 * re-categorization (promotional wording in a utility or authentication template).
 */
export interface LintIssue {
  path: string;
  message: string;
}

export interface TemplateInput {
  name: string;
  language: string;
  category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
  components: Record<string, unknown>[];
}

const VAR = /\{\{\s*([^}]*?)\s*\}\}/g;
const PROMOTIONAL = /\b(sale|discount|offer|promo(tion)?|deal|coupon|% off|free gift|buy now|limited time)\b/i;

function variables(text: string): string[] {
  return [...text.matchAll(VAR)].map((m) => m[1]!);
}

function lintText(path: string, text: unknown, max: number, maxVars: number, issues: LintIssue[], exampleCount?: number): void {
  if (typeof text !== 'string' || !text.trim()) return void issues.push({ path, message: 'text is required' });
  if (text.length > max) issues.push({ path, message: `at most ${max} characters (has ${text.length})` });
  const vars = variables(text);
  if (vars.length > maxVars) issues.push({ path, message: `at most ${maxVars} variable(s)` });
  const positional = vars.filter((v) => /^\d+$/.test(v)).map(Number);
  if (positional.length && positional.length !== vars.length) issues.push({ path, message: 'do not mix {{1}} and {{name}} variables' });
  const distinct = [...new Set(positional)].sort((a, b) => a - b);
  if (distinct.some((n, i) => n !== i + 1)) issues.push({ path, message: 'variables must be numbered {{1}}, {{2}}… without gaps' });
  if (vars.some((v) => !/^(\d+|[a-z_][a-z0-9_]*)$/.test(v))) issues.push({ path, message: 'a variable is {{number}} or {{lower_case_name}}' });
  if (exampleCount !== undefined && vars.length && exampleCount !== new Set(vars).size) issues.push({ path, message: `give one example per variable (${new Set(vars).size})` });
}

function examples(c: Record<string, unknown>, key: string): number | undefined {
  const ex = c.example as Record<string, unknown> | undefined;
  const v = ex?.[key];
  if (Array.isArray(v)) return Array.isArray(v[0]) ? (v[0] as unknown[]).length : v.length;
  const named = ex?.[`${key}_named_params`];
  return Array.isArray(named) ? named.length : 0;
}

export function lintTemplate(t: TemplateInput): { errors: LintIssue[]; warnings: LintIssue[] } {
  const errors: LintIssue[] = [];
  const warnings: LintIssue[] = [];
  if (!/^[a-z0-9_]{1,512}$/.test(t.name)) errors.push({ path: 'name', message: 'lower-case letters, digits and underscores, at most 512' });
  const of = (type: string) => t.components.map((c, i) => ({ c, i })).filter(({ c }) => String(c.type).toUpperCase() === type);
  const [header, ...moreHeaders] = of('HEADER');
  const [body, ...moreBodies] = of('BODY');
  const [footer, ...moreFooters] = of('FOOTER');
  if (!body) errors.push({ path: 'components', message: 'a BODY component is required' });
  if (moreHeaders.length || moreBodies.length || moreFooters.length) errors.push({ path: 'components', message: 'at most one header, one body and one footer' });
  if (header && String(header.c.format ?? 'TEXT').toUpperCase() === 'TEXT') lintText(`components.${header.i}.text`, header.c.text, 60, 1, errors, examples(header.c, 'header_text'));
  if (body) {
    lintText(`components.${body.i}.text`, body.c.text, 1024, 100, errors, examples(body.c, 'body_text'));
    const text = String(body.c.text ?? '').trim();
    if (/^\{\{[^}]*\}\}/.test(text) || /\{\{[^}]*\}\}[.!?]?$/.test(text)) errors.push({ path: `components.${body.i}.text`, message: 'the body may not start or end with a variable' });
  }
  if (footer) {
    if (typeof footer.c.text !== 'string' || footer.c.text.length > 60) errors.push({ path: `components.${footer.i}.text`, message: 'footer text, at most 60 characters' });
    else if (variables(footer.c.text).length) errors.push({ path: `components.${footer.i}.text`, message: 'a footer has no variables' });
  }
  for (const { c, i } of of('BUTTONS')) lintButtons(`components.${i}.buttons`, c.buttons, errors);
  if (t.category !== 'MARKETING' && PROMOTIONAL.test(t.components.map((c) => String(c.text ?? '')).join(' '))) {
    warnings.push({ path: 'category', message: `promotional wording in a ${t.category} template: Meta may re-categorize it as MARKETING (charged as marketing, needs marketing consent)` });
  }
  return { errors, warnings };
}

function lintButtons(path: string, buttons: unknown, errors: LintIssue[]): void {
  if (!Array.isArray(buttons) || !buttons.length) return void errors.push({ path, message: 'at least one button' });
  const types = (buttons as Record<string, unknown>[]).map((b) => String(b.type).toUpperCase());
  const count = (type: string) => types.filter((x) => x === type).length;
  if (buttons.length > 10) errors.push({ path, message: 'at most 10 buttons' });
  if (count('URL') > 2) errors.push({ path, message: 'at most 2 URL buttons' });
  if (count('PHONE_NUMBER') > 1) errors.push({ path, message: 'at most 1 phone number button' });
  if (count('COPY_CODE') > 1) errors.push({ path, message: 'at most 1 copy-code button' });
  const quick = types.map((x) => x === 'QUICK_REPLY');
  const switches = quick.slice(1).filter((q, i) => q !== quick[i]).length;
  if (switches > 1) errors.push({ path, message: 'quick replies must be grouped before or after the other buttons' });
  (buttons as Record<string, unknown>[]).forEach((b, i) => {
    if (typeof b.text !== 'string' || !b.text || b.text.length > 25) errors.push({ path: `${path}.${i}.text`, message: 'button text, 1 to 25 characters' });
    if (String(b.type).toUpperCase() === 'URL' && variables(String(b.url ?? '')).length > 1) errors.push({ path: `${path}.${i}.url`, message: 'a URL button has at most one variable, at the end' });
  });
}
