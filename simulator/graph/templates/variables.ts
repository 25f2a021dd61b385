// Template placeholders: positional `{{1}}` or named `{{first_name}}`. Parsed texts are
// memoized because every template send fills the same few texts.

const VARIABLE = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const MEMO_LIMIT = 2_000;

interface ParsedText {
  /** Variable names in order of appearance. */
  names: string[];
  /** Literal text around the variables: literals[i] precedes names[i]; one more literal at the end. */
  literals: string[];
}

const memo = new Map<string, ParsedText>();

function parse(text: string): ParsedText {
  let parsed = memo.get(text);
  if (parsed) return parsed;
  parsed = { names: [], literals: [] };
  let last = 0;
  for (const m of text.matchAll(VARIABLE)) {
    parsed.literals.push(text.slice(last, m.index));
    parsed.names.push(m[1]!);
    last = m.index! + m[0].length;
  }
  parsed.literals.push(text.slice(last));
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, parsed);
  return parsed;
}

export function variablesIn(text: unknown): string[] {
  return typeof text === 'string' ? parse(text).names : [];
}

/** Replaces each placeholder by its value (by name, or `1`, `2`, ... for positional ones). */
export function fillVariables(text: string, values: Map<string, string>): string {
  const { names, literals } = parse(text);
  let out = literals[0]!;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    out += (values.get(name) ?? `{{${name}}}`) + literals[i + 1]!;
  }
  return out;
}
