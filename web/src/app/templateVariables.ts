// The one reading of WhatsApp's template variables: `{{1}}`, `{{2}}`… (positional) or `{{name}}` (named),
// spaces inside the braces allowed. Authoring, previews, the inbox's template composer and the campaign
// wizard all use it, so they agree on what a variable is.
const VARIABLE = /\{\{\s*([^}]*?)\s*\}\}/g;
const WELL_FORMED = /^[A-Za-z0-9_]+$/;

export const isPositional = (name: string): boolean => /^\d+$/.test(name);

/** The distinct variables of a text as written, in order of first appearance (malformed names too, so an
 *  author can be told about them). */
export function variablesAsWritten(text: string): string[] {
  return [...new Set([...text.matchAll(VARIABLE)].map((match) => match[1] ?? ''))];
}

/** The variables a send fills: well-formed names only, positional ones in number order (Meta takes
 *  positional parameters in that order, whatever order the text uses them in). */
export function sendVariables(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  const names = variablesAsWritten(text).filter((name) => WELL_FORMED.test(name));
  return names.every(isPositional) ? names.sort((a, b) => Number(a) - Number(b)) : names;
}

/** The text with each variable replaced by `valueOf(name)`; one without a value stays as written. */
export function fillVariables(text: string, valueOf: (name: string) => string | undefined): string {
  return text.replace(VARIABLE, (whole, name: string) => valueOf(name) || whole);
}
