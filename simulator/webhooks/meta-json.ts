// Meta's wire encoding of webhook bodies: compact JSON, every non-ASCII character as a
// lower-case `\uXXXX` escape (emoji become surrogate pairs, because JavaScript strings are
// UTF-16 already) and `/` as `\/`. The signature is computed over these exact bytes, so a
// receiver that re-serializes before hashing fails on emoji, accents and URLs — as with Meta.
// DEL (0x7f) is escaped too, matching verifiers that re-escape everything outside 0x00-0x7e.

const NEEDS_ESCAPE = /[\u007f-\uffff/]/g;

function escapeChar(ch: string): string {
  if (ch === '/') return '\\/';
  return '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
}

const NON_ASCII = /[\u007f-\uffff]/;

export function encodeMetaJson(value: unknown): string {
  const json = JSON.stringify(value);
  // Status batches are usually pure ASCII: a native replaceAll is much cheaper than a callback per match.
  return NON_ASCII.test(json) ? json.replace(NEEDS_ESCAPE, escapeChar) : json.replaceAll('/', '\\/');
}
