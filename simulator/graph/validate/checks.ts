// Hand-written field checks for the send path (faster than a schema library per request),
// each failing with the Graph code Meta uses: 131008 for a missing required parameter,
// 100 for a wrong type or a length limit, 131009 for an invalid value.
import { invalidParam, invalidValue, missingParam } from '../graph-error';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Characters as users count them (code points), not UTF-16 units. */
export function charCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n -= 1;
  }
  return n;
}

export function reqObj(parent: Obj, key: string, path: string): Obj {
  const v = parent[key];
  if (v === undefined || v === null) throw missingParam(`The parameter ${path} is required.`);
  if (!isObj(v)) throw invalidParam(`Param ${path} must be a JSON object.`);
  return v;
}

export function optObj(parent: Obj, key: string, path: string): Obj | undefined {
  const v = parent[key];
  if (v === undefined || v === null) return undefined;
  if (!isObj(v)) throw invalidParam(`Param ${path} must be a JSON object.`);
  return v;
}

export function reqArray(parent: Obj, key: string, path: string, min = 1, max = Infinity): unknown[] {
  const v = parent[key];
  if (v === undefined || v === null) throw missingParam(`The parameter ${path} is required.`);
  if (!Array.isArray(v)) throw invalidParam(`Param ${path} must be an array.`);
  if (v.length < min) throw invalidParam(`Param ${path} must have at least ${min} element${min === 1 ? '' : 's'}.`);
  if (v.length > max) throw invalidParam(`Param ${path} must have at most ${max} elements.`);
  return v;
}

export function reqString(parent: Obj, key: string, path: string, maxChars = Infinity): string {
  const v = parent[key];
  if (v === undefined || v === null || v === '') throw missingParam(`The parameter ${path} is required.`);
  if (typeof v !== 'string') throw invalidParam(`Param ${path} must be a string.`);
  checkLength(v, maxChars, path);
  return v;
}

export function optString(parent: Obj, key: string, path: string, maxChars = Infinity): string | undefined {
  const v = parent[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalidParam(`Param ${path} must be a string.`);
  checkLength(v, maxChars, path);
  return v;
}

export function optBoolean(parent: Obj, key: string, path: string): boolean | undefined {
  const v = parent[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw invalidParam(`Param ${path} must be a boolean.`);
  return v;
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], path: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw invalidParam(`Param ${path} must be one of {${allowed.join(', ')}} - got "${value}".`);
  }
  return value as T;
}

export function checkLength(v: string, maxChars: number, path: string): void {
  if (v.length > maxChars && charCount(v) > maxChars) throw invalidParam(`Param ${path} must be at most ${maxChars} characters long.`);
}

export function httpUrl(v: string, path: string): string {
  if (!/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v)) throw invalidValue(`Param ${path} must be a valid http(s) URL.`);
  return v;
}

export function unique(values: string[], path: string): void {
  if (new Set(values).size !== values.length) throw invalidValue(`Param ${path} values must be unique.`);
}
