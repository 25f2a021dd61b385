/**
 * How many parameters each component of a template definition expects: {{1}}…{{n}} (positional)
 * or {{name}} (named) in the header's and body's text, and dynamic URL buttons by index.
 */
export interface ExpectedParameters {
  header: number;
  body: number;
  /** Button index → parameters (one per dynamic URL). */
  buttons: Map<number, number>;
}

const VARIABLE = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

function variablesIn(text: unknown): number {
  if (typeof text !== 'string') return 0;
  return new Set([...text.matchAll(VARIABLE)].map((m) => m[1])).size;
}

export function expectedParameters(components: unknown): ExpectedParameters {
  const out: ExpectedParameters = { header: 0, body: 0, buttons: new Map() };
  if (!Array.isArray(components)) return out;
  for (const c of components as Record<string, unknown>[]) {
    const type = String(c.type ?? '').toUpperCase();
    if (type === 'HEADER') out.header = String(c.format ?? 'TEXT').toUpperCase() === 'TEXT' ? variablesIn(c.text) : 1;
    if (type === 'BODY') out.body = variablesIn(c.text);
    if (type === 'BUTTONS' && Array.isArray(c.buttons)) {
      (c.buttons as Record<string, unknown>[]).forEach((b, i) => {
        const n = variablesIn(b.url);
        if (n) out.buttons.set(i, n);
      });
    }
  }
  return out;
}

/** Parameters a send supplies per component (Meta's send-side `components`). */
export function suppliedParameters(components: unknown): ExpectedParameters {
  const out: ExpectedParameters = { header: 0, body: 0, buttons: new Map() };
  if (!Array.isArray(components)) return out;
  for (const c of components as Record<string, unknown>[]) {
    const n = Array.isArray(c.parameters) ? c.parameters.length : 0;
    if (c.type === 'header') out.header = n;
    if (c.type === 'body') out.body = n;
    if (c.type === 'button') out.buttons.set(Number(c.index ?? 0), n);
  }
  return out;
}

/** Human-readable mismatches, empty when the counts agree. */
export function parameterMismatches(expected: ExpectedParameters, supplied: ExpectedParameters): string[] {
  const problems: string[] = [];
  if (expected.header !== supplied.header) problems.push(`header expects ${expected.header} parameter(s), got ${supplied.header}`);
  if (expected.body !== supplied.body) problems.push(`body expects ${expected.body} parameter(s), got ${supplied.body}`);
  for (const [i, n] of expected.buttons) if ((supplied.buttons.get(i) ?? 0) !== n) problems.push(`button ${i} expects ${n} parameter(s), got ${supplied.buttons.get(i) ?? 0}`);
  return problems;
}
