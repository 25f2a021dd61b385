// Tests inspect Meta's JSON payloads freely; one loose type instead of casts everywhere.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export function parseJsonOr<T>(text: string, fallback: T): Json {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}
