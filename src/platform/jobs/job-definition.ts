import type { z } from 'zod';

/** A job's payload: an object of ids (never personal data), stored as JSON. */
export type PayloadSchema = z.ZodType<Record<string, unknown>>;

/** One kind of job: what it carries and how its attempts are run and retried. */
export interface JobDefinition<S extends PayloadSchema = PayloadSchema> {
  /** The `jobs.queue` value: stored in rows, so renaming one strands the rows already queued. */
  name: string;
  payload: S;
  /** Attempts in all, the first included; the last failure leaves the job `failed`. */
  maxAttempts: number;
  /** Delay before attempt n + 1: baseMs · 2^(n−1), capped at capMs, with ±25 % jitter. */
  backoff: { baseMs: number; capMs: number };
  /** An attempt still running after this long is aborted (its signal) and counted as failed. */
  timeoutMs: number;
  /** Crons only: one job per period of this length, due at the period's start. */
  everyMs?: number;
}

export type PayloadOf<D extends JobDefinition> = z.output<D['payload']>;

/** What a handler may need besides its payload. */
export interface JobContext {
  jobId: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** Aborts when the attempt's timeout passes: long handlers stop between steps. */
  signal: AbortSignal;
}

/** Handlers are idempotent: a retried, timed-out or doubled attempt changes nothing twice. */
export type JobHandler<D extends JobDefinition> = (payload: PayloadOf<D>, context: JobContext) => Promise<void>;

/** A catalog: named job definitions (the keys name handlers; `name` names queues). */
export type JobCatalogShape<C> = { [K in keyof C]: JobDefinition };

/** One handler per job of a catalog: a missing one does not compile, nor does an unknown one written into the map. */
export type HandlersFor<C extends JobCatalogShape<C>> = { [K in keyof C]: JobHandler<C[K]> };

/** Keeps the schema's own type (so payloads are typed) while checking the definition's shape. */
export const defineJob = <S extends PayloadSchema>(definition: JobDefinition<S>): JobDefinition<S> => definition;
