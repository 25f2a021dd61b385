/**
 * JSON with object keys sorted at every depth. Audit details are stored as jsonb, which does not
 * keep key order, so the chain hashes this form to verify the same bytes it wrote; certificates are
 * signed over it. For the values we produce (strings, finite numbers, booleans, null, arrays, plain
 * objects) it is RFC 8785 (JCS): no whitespace, keys sorted by UTF-16 code units (JavaScript's `<`),
 * strings and numbers as ECMAScript's JSON.stringify writes them.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
