import type { FastifyInstance } from 'fastify';
import type { AppError } from './app-error';
import { notFound, platformErrors } from './errors';

/**
 * Every text a request carries into the product ends up in PostgreSQL, which cannot store a NUL
 * character (text and jsonb refuse U+0000) nor, in jsonb, half of a UTF-16 surrogate pair; both
 * used to surface as 500s deep inside a use case. They are refused here, once, for every route:
 * in a JSON body (keys and values, at any depth), in the query string and in path parameters.
 * Nesting is bounded too, since recursive code (JSON.stringify, schema validation) overflows
 * the stack on a body nested thousands of levels deep.
 */

/** Far above any legitimate body (a template's components nest about 6 levels). */
export const MAX_JSON_DEPTH = 32;

// With the `u` flag a well-formed surrogate pair is one code point, so \p{Cs} matches only a lone half.
const LONE_SURROGATE = /\p{Cs}/u;

const isStorableText = (value: string) => !value.includes('\0') && !LONE_SURROGATE.test(value);

interface Node {
  value: unknown;
  depth: number;
  parent: Node | null;
  key: string;
}

const pathOf = (node: Node): string => {
  const parts: string[] = [];
  for (let n: Node | null = node; n; n = n.parent) parts.unshift(n.key);
  return parts.join('.');
};

/**
 * Walks a parsed value without recursion (the point is to survive any depth) and throws the first
 * problem: `too_deeply_nested`, or `invalid_text` with the path of the offending key or string.
 */
export function assertStorable(value: unknown, root: string): void {
  const stack: Node[] = [{ value, depth: 0, parent: null, key: root }];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const v = node.value;
    if (typeof v === 'string') {
      if (!isStorableText(v)) throw platformErrors.invalidText(pathOf(node));
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (node.depth >= MAX_JSON_DEPTH) throw platformErrors.tooDeeplyNested(MAX_JSON_DEPTH);
    for (const [key, child] of Object.entries(v)) {
      const childNode = { value: child, depth: node.depth + 1, parent: node, key };
      if (!isStorableText(key)) throw platformErrors.invalidText(pathOf(childNode));
      stack.push(childNode);
    }
  }
}

/**
 * Installs the guard: JSON bodies are checked as they are parsed (Fastify's own safe parser, then
 * the walk), query strings and path parameters before validation. A path parameter names a
 * resource, and one that cannot be stored names none: 404, as the contract says of any id that
 * names nothing. Other content types (CSV, multipart, a webhook's raw bytes) keep their own parsers.
 */
export function installTextGuard(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body: string, done) => {
    parseJson(request, body, (error, parsed) => {
      if (error) return done(error, undefined);
      try {
        assertStorable(parsed, 'body');
        done(null, parsed);
      } catch (refusal) {
        done(refusal as AppError, undefined);
      }
    });
  });
  app.addHook('preValidation', async (request) => {
    const params = request.params as Record<string, unknown> | undefined;
    if (params && Object.values(params).some((p) => typeof p === 'string' && !isStorableText(p))) throw notFound();
    assertStorable(request.query, 'query');
  });
}
