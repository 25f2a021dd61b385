import { sql } from 'kysely';
import { newId, type AnyDb, type TenantTx } from '../db';

export interface JobRow {
  id: string;
  queue: string;
  workspace_id: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

export interface EnqueueOptions {
  workspaceId?: string;
  runAt?: Date;
  maxAttempts?: number;
  /** At most one job with this key ever exists (crons use the period as the key). */
  singletonKey?: string;
}

/**
 * Enqueues in the caller's transaction, so a state change and its job commit together.
 * Payloads carry ids only, never personal data.
 */
export async function enqueue(db: AnyDb | TenantTx, queue: string, payload: Record<string, unknown>, options: EnqueueOptions = {}): Promise<void> {
  // Jobs are a global table: inside a tenant transaction the app role may insert into it.
  await db
    .insertInto('jobs')
    .values({
      id: newId(),
      queue,
      workspace_id: options.workspaceId ?? null,
      payload: JSON.stringify(payload),
      status: 'queued',
      run_at: options.runAt ?? new Date(),
      attempts: 0,
      max_attempts: options.maxAttempts ?? 10,
      locked_until: null,
      last_error: null,
      singleton_key: options.singletonKey ?? null,
      finished_at: null,
    })
    .onConflict((oc) => oc.column('singleton_key').doNothing())
    .execute();
}

/** Claims due jobs; a crashed worker's jobs come back when their lock expires. */
export async function claimJobs(db: AnyDb, queues: string[], limit: number, lockMs: number, now: Date): Promise<JobRow[]> {
  const lockedUntil = new Date(now.getTime() + lockMs);
  // UPDATE … RETURNING hands rows back in storage order; the outer select restores due order.
  const { rows } = await sql<JobRow>`
    with claimed as (
      update jobs set status = 'running', attempts = attempts + 1, locked_until = ${lockedUntil}
      where id in (
        select id from jobs
        where queue in (${sql.join(queues)}) and run_at <= ${now}
          and (status = 'queued' or (status = 'running' and locked_until < ${now}))
        order by run_at
        limit ${limit}
        for update skip locked)
      returning id, queue, workspace_id, payload, attempts, max_attempts, run_at)
    select id, queue, workspace_id, payload, attempts, max_attempts from claimed order by run_at`.execute(db);
  return rows;
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

/** Exponential backoff with jitter: 2 s, 4 s, 8 s … capped at one hour; then `failed`. */
export async function failJob(db: AnyDb, job: JobRow, error: string, now: Date): Promise<void> {
  const exhausted = job.attempts >= job.max_attempts;
  const delay = Math.min(3600_000, 2 ** job.attempts * 1000) * (0.75 + Math.random() * 0.5);
  await db
    .updateTable('jobs')
    .set(
      exhausted
        ? { status: 'failed', last_error: error.slice(0, 500), finished_at: now, locked_until: null }
        : { status: 'queued', last_error: error.slice(0, 500), run_at: new Date(now.getTime() + delay), locked_until: null },
    )
    .where('id', '=', job.id)
    .execute();
}
