import type { JobContext, JobDefinition, JobHandler, PayloadSchema } from './job-definition';
import { describeIssues } from './job-queue';

/** A catalog entry bound to its handler, typed once here so the runner can hold entries of every kind. */
export interface BoundJob {
  definition: JobDefinition;
  /** Parses a stored payload: the attempt to run, or why the payload can never be handled. */
  prepare(stored: unknown): { run: (context: JobContext) => Promise<void> } | { invalid: string };
}

export function bindJob<S extends PayloadSchema>(definition: JobDefinition<S>, handler: JobHandler<JobDefinition<S>>): BoundJob {
  return {
    definition,
    prepare(stored) {
      const parsed = definition.payload.safeParse(stored);
      if (!parsed.success) return { invalid: `invalid payload for ${definition.name}: ${describeIssues(parsed.error)}` };
      return { run: (context) => handler(parsed.data, context) };
    },
  };
}

/**
 * Runs one attempt under its timeout: when the timeout passes the handler's signal aborts and the
 * attempt fails at once, whether or not the handler stops (handlers are idempotent, so one that
 * finishes late and its retry change nothing twice).
 */
export async function runWithTimeout(timeoutMs: number, attempt: (signal: AbortSignal) => Promise<void>): Promise<void> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`timed out after ${timeoutMs} ms`);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  const running = attempt(controller.signal);
  // Once timed out nobody awaits the handler: its late failure must not become an unhandled rejection.
  running.catch(() => undefined);
  try {
    await Promise.race([running, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
