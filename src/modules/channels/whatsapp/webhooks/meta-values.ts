/** Values of Meta's webhooks made safe for columns (times, ids, short texts). */

// The last second of 9999: beyond it neither ISO-8601 strings nor our ids (48-bit milliseconds) hold.
const LATEST_META_SECONDS = 253_402_300_799;

/** Meta's unix seconds (a string or a number); missing, negative, zero or out-of-range values give `fallback`. */
export function metaTime(value: unknown, fallback: Date): Date {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : typeof value === 'number' ? value : NaN;
  return Number.isFinite(n) && n > 0 && n <= LATEST_META_SECONDS ? new Date(n * 1000) : fallback;
}

// PostgreSQL's text and jsonb refuse NUL, and jsonb refuses a lone surrogate (text quietly turns it
// into U+FFFD): Meta's values become columns only through the functions below. Values sealed in
// encrypted JSON need none of this, so message content keeps exactly what Meta sent.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text any column can hold: NUL removed, lone surrogates replaced by U+FFFD. */
export function storableText(value: string): string {
  return value.replace(/\0/g, '').replace(LONE_SURROGATE, '\ufffd');
}

/** One of Meta's ids (wamid, media id) as a key: a string that needs no repair, else no id at all. */
export function metaId(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value.length <= 512 && storableText(value) === value ? value : undefined;
}

/** A short value of Meta's (an enum, a title) for a column: numbers as text, repaired, bounded; other types are absent. */
export function metaText(value: unknown, max = 1024): string | undefined {
  const s = typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
  const clean = s === undefined ? '' : storableText(s.slice(0, max));
  return clean === '' ? undefined : clean;
}
