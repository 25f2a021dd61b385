// Template placeholders: positional `{{1}}` or named `{{first_name}}`.

const VARIABLE = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

export function variablesIn(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  return [...text.matchAll(VARIABLE)].map((m) => m[1]!);
}

/** Replaces each placeholder by its value, looked up by name or by 1-based position. */
export function fillVariables(text: string, values: Map<string, string>): string {
  return text.replace(VARIABLE, (whole, name: string) => values.get(name) ?? whole);
}
