// Dates in the reader's own locale and time zone; the API sends ISO-8601 UTC.
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
