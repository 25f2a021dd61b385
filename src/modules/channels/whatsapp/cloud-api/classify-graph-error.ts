import type { GraphErrorClass, GraphErrorRule } from './graph-error-codes';
import { graphErrorRules, permissionErrorRule } from './graph-error-codes';
import type { RetryPolicy } from './retry-policy';
import { exponential } from './retry-policy';

export interface GraphErrorClassification {
  code: number;
  class: GraphErrorClass;
  hint: string;
  /** False for codes outside Meta's documented list: the class is then a guess from the HTTP status. */
  known: boolean;
  retry?: RetryPolicy;
}

/**
 * Classifies a Graph / Cloud API error code, whether it came back synchronously or in a
 * `failed` status webhook (`statuses[].errors[].code`). `httpStatus` only matters for codes
 * Meta has not documented: a 5xx then counts as a transient server failure.
 */
export function classifyGraphError(code: number, options: { httpStatus?: number } = {}): GraphErrorClassification {
  const rule = ruleFor(code);
  if (rule) return withCode(code, rule, true);
  if (options.httpStatus !== undefined && options.httpStatus >= 500) {
    return withCode(code, {
      class: 'retryable',
      hint: `Meta answered HTTP ${options.httpStatus} with undocumented error code ${code}: retrying a few times`,
      retry: exponential(2_000, 3, 'request'),
    }, false);
  }
  return withCode(code, {
    class: 'terminal',
    hint: `Meta answered with undocumented error code ${code}: read its details and fix the request or account`,
  }, false);
}

function ruleFor(code: number): GraphErrorRule | undefined {
  if (code >= 200 && code <= 299) return permissionErrorRule;
  return graphErrorRules.get(code);
}

function withCode(code: number, rule: GraphErrorRule, known: boolean): GraphErrorClassification {
  return rule.retry ? { code, class: rule.class, hint: rule.hint, known, retry: rule.retry } : { code, class: rule.class, hint: rule.hint, known };
}
