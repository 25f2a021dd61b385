import { sql } from 'kysely';
import type { z } from 'zod';
import { newId, type AnyDb, type TenantTx } from '../db';
import type { JobDefinition, PayloadOf } from './job-definition';

export interface JobRow {
  id: string;
  queue: string;
  workspace_id: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

export interface ClaimedJob extends JobRow {
  locked_until: Date;
}

export interface EnqueueOptions {
  workspaceId?: string;
  runAt?: Date;
  /** At most one job with this key ever exists (crons use the period as the key). */
  singletonKey?: string;
}

/** A claimed attempt holds its row this much longer than its timeout, for writing its outcome. */
export const LOCK_MARGIN_MS = 30_000;

export const lockMsOf = (job: JobDefinition) => job.timeoutMs + LOCK_MARGIN_MS;

/**
 * Enqueues in the caller's transaction, so a state change and its job commit together. The payload
 * (ids only) is checked against the job's schema first: a bad one is a programming error and throws.
 */
export async function enqueue<D extends JobDefinition>(db: AnyDb | TenantTx, job: D, payload: PayloadOf<D>, options: EnqueueOptions = {}): Promise<void> {
  const parsed = job.payload.safeParse(payload);
  if (!parsed.success) throw new Error(`enqueue ${job.name}: invalid payload (${describeIssues(parsed.error)})`);
  // Jobs are a global table: inside a tenant transaction the app role may insert into it.
  await db
    .insertInto('jobs')
    .values({
      id: newId(),
      queue: job.name,
      workspace_id: options.workspaceId ?? null,
      payload: JSON.stringify(parsed.data),
      status: 'queued',
      run_at: options.runAt ?? new Date(),
      attempts: 0,
      max_attempts: job.maxAttempts,
      locked_until: null,
      last_error: null,
      singleton_key: options.singletonKey ?? null,
      finished_at: null,
    })
    .onConflict((oc) => oc.column('singleton_key').doNothing())
    .execute();
}

/** Where and why a payload failed its schema, without its values (which would be the payload itself). */
export const describeIssues = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');

/**
 * Claims due jobs of the given kinds; a crashed worker's jobs come back when their lock expires.
 * Each row is locked for its kind's timeout plus a margin, so an attempt cut off by its timeout
 * still owns its row while it records the failure.
 */
export async function claimJobs(db: AnyDb, jobs: readonly JobDefinition[], limit: number, now: Date): Promise<ClaimedJob[]> {
  if (!jobs.length) return [];
  const locks = sql.join(jobs.map((j) => sql`(${j.name}::text, ${lockMsOf(j)}::float8)`));
  // UPDATE … RETURNING hands rows back in storage order; the outer select restores due order.
  const { rows } = await sql<ClaimedJob>`
    with lock (queue, lock_ms) as (values ${locks}),
    claimed as (
      update jobs set status = 'running', attempts = attempts + 1, locked_until = ${now}::timestamptz + lock.lock_ms * interval '1 millisecond'
      from lock
      where jobs.queue = lock.queue and jobs.id in (
        select id from jobs
        where queue in (${sql.join(jobs.map((j) => j.name))}) and run_at <= ${now}
          and (status = 'queued' or (status = 'running' and locked_until < ${now}))
        order by run_at
        limit ${limit}
        for update skip locked)
      returning jobs.id, jobs.queue, jobs.workspace_id, jobs.payload, jobs.attempts, jobs.max_attempts, jobs.run_at, jobs.locked_until)
    select id, queue, workspace_id, payload, attempts, max_attempts, locked_until from claimed order by run_at`.execute(db);
  return rows;
}

/**
 * Extends a claimed row's lock before its attempt starts (jobs of a batch run one after another, so
 * a late one may need more than its claim gave). False: the lock lapsed and another worker claimed
 * the row since (its attempt count moved on), so this attempt must not run.
 */
export async function renewLock(db: AnyDb, job: ClaimedJob, lockedUntil: Date): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    update jobs set locked_until = ${lockedUntil}
    where id = ${job.id} and status = 'running' and attempts = ${job.attempts}
    returning id`.execute(db);
  return rows.length > 0;
}

export async function completeJob(db: AnyDb, id: string, now: Date): Promise<void> {
  await db.updateTable('jobs').set({ status: 'done', finished_at: now, locked_until: null }).where('id', '=', id).execute();
}

/** Hands claimed jobs that never started back to the queue, as if never claimed (a stopping worker). */
export async function releaseJobs(db: AnyDb, jobs: JobRow[]): Promise<void> {
  if (!jobs.length) return;
  await sql`
    update jobs set status = 'queued', attempts = attempts - 1, locked_until = null
    where id in (${sql.join(jobs.map((j) => j.id))}) and status = 'running'`.execute(db);
}

/** Exponential backoff with ±25 % jitter (so retries of one outage do not land together). */
export const backoffDelayMs = (backoff: JobDefinition['backoff'], attempts: number) => Math.min(backoff.capMs, backoff.baseMs * 2 ** (attempts - 1)) * (0.75 + Math.random() * 0.5);

/** A failed attempt: queued again after its backoff, or `failed` once its attempts are used up. */
export async function failJob(db: AnyDb, job: JobRow, error: string, now: Date, backoff: JobDefinition['backoff']): Promise<void> {
  if (job.attempts >= job.max_attempts) return failJobPermanently(db, job, error, now);
  const runAt = new Date(now.getTime() + backoffDelayMs(backoff, job.attempts));
  await db.updateTable('jobs').set({ status: 'queued', last_error: error.slice(0, 500), run_at: runAt, locked_until: null }).where('id', '=', job.id).execute();
}

/** A job that can never succeed (or has no attempts left): `failed` at once, never retried. */
export async function failJobPermanently(db: AnyDb, job: JobRow, error: string, now: Date): Promise<void> {
  await db.updateTable('jobs').set({ status: 'failed', last_error: error.slice(0, 500), finished_at: now, locked_until: null }).where('id', '=', job.id).execute();
}
