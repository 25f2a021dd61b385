import type { Clock } from '../clock';
import type { AnyDb } from '../db';
import type { Logger } from '../logging';
import type { HandlersFor, JobCatalogShape, JobDefinition } from './job-definition';
import { claimJobs, completeJob, enqueue, failJob, failJobPermanently, lockMsOf, releaseJobs, renewLock, type ClaimedJob } from './job-queue';
import { startPollingLoop, type PollingLoop } from './polling-loop';
import { bindJob, runWithTimeout, type BoundJob } from './run-attempt';

/** An attempt starts only if its lock outlasts its timeout by at least this much (else it is renewed). */
const MIN_LOCK_SLACK_MS = 5_000;

export interface JobRunnerOptions<C extends JobCatalogShape<C>> {
  db: AnyDb;
  clock: Clock;
  logger: Logger;
  /** The jobs this runner claims (the whole catalog in the worker; a part of it in tests); its crons are scheduled. */
  catalog: C;
  handlers: HandlersFor<C>;
  pollMs?: number;
  batchSize?: number;
  /** False: nothing runs until drained (tests that step the runner). */
  autoStart?: boolean;
}

/** Polls the jobs table, runs each attempt under its job's timeout and schedules the crons. */
export function startJobRunner<C extends JobCatalogShape<C>>(options: JobRunnerOptions<C>): PollingLoop {
  const { db, clock, logger } = options;
  const kinds = new Map<string, BoundJob>();
  for (const key in options.catalog) kinds.set(options.catalog[key].name, bindJob(options.catalog[key], options.handlers[key]));
  const definitions = [...kinds.values()].map((k) => k.definition);
  const crons = definitions.filter((d): d is JobDefinition & { everyMs: number } => d.everyMs !== undefined);

  async function scheduleCrons(now: Date) {
    for (const cron of crons) {
      const period = Math.floor(now.getTime() / cron.everyMs);
      await enqueue(db, cron, {}, { singletonKey: `cron:${cron.name}:${period}`, runAt: new Date(period * cron.everyMs) });
    }
  }

  /** True when this worker holds the row for the whole attempt; false when another worker took it over. */
  async function holdLock(job: ClaimedJob, definition: JobDefinition): Promise<boolean> {
    const now = clock.now().getTime();
    if (job.locked_until.getTime() - now >= definition.timeoutMs + MIN_LOCK_SLACK_MS) return true;
    return renewLock(db, job, new Date(now + lockMsOf(definition)));
  }

  async function attempt(job: ClaimedJob): Promise<void> {
    const kind = kinds.get(job.queue)!;
    const prepared = kind.prepare(job.payload);
    if ('invalid' in prepared) {
      // It can never succeed: failed at once rather than retried. Ids only in the log line.
      logger.error({ jobId: job.id, queue: job.queue }, prepared.invalid);
      return failJobPermanently(db, job, prepared.invalid, clock.now());
    }
    if (!(await holdLock(job, kind.definition))) return;
    try {
      await runWithTimeout(kind.definition.timeoutMs, (signal) => prepared.run({ jobId: job.id, attempt: job.attempts, signal }));
      await completeJob(db, job.id, clock.now());
    } catch (error) {
      // Ids only in the log line: job payloads never hold personal data, errors might.
      logger.warn({ jobId: job.id, queue: job.queue, attempt: job.attempts }, 'job failed; will retry with backoff');
      await failJob(db, job, (error as Error).message, clock.now(), kind.definition.backoff);
    }
  }

  async function tick(signal: AbortSignal): Promise<number> {
    const now = clock.now();
    await scheduleCrons(now);
    const jobs = await claimJobs(db, definitions, options.batchSize ?? 20, now);
    for (const [index, job] of jobs.entries()) {
      if (signal.aborted) {
        // Stopping: the claimed jobs not started go back to the queue now rather than when their lock expires.
        await releaseJobs(db, jobs.slice(index));
        return index;
      }
      await attempt(job);
    }
    return jobs.length;
  }

  return startPollingLoop({ name: 'job runner', tick, idleMs: options.pollMs ?? 500, logger, autoStart: options.autoStart });
}
