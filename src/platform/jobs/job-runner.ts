import type { Clock } from '../clock';
import type { AnyDb } from '../db';
import type { Logger } from '../logging';
import { claimJobs, completeJob, enqueue, failJob, releaseJobs, type JobRow } from './job-queue';
import { startPollingLoop, type PollingLoop } from './polling-loop';

export type JobHandler = (job: JobRow) => Promise<void>;

export interface CronJob {
  queue: string;
  everyMs: number;
}

export interface JobRunnerOptions {
  db: AnyDb;
  clock: Clock;
  logger: Logger;
  handlers: Record<string, JobHandler>;
  crons?: CronJob[];
  pollMs?: number;
  batchSize?: number;
  lockMs?: number;
}

/** Polls the jobs table, runs handlers (which must be idempotent) and schedules crons. */
export function startJobRunner(options: JobRunnerOptions): PollingLoop {
  const queues = Object.keys(options.handlers);

  async function scheduleCrons(now: Date) {
    for (const cron of options.crons ?? []) {
      const period = Math.floor(now.getTime() / cron.everyMs);
      await enqueue(options.db, cron.queue, {}, { singletonKey: `cron:${cron.queue}:${period}`, runAt: new Date(period * cron.everyMs) });
    }
  }

  async function tick(signal: AbortSignal): Promise<number> {
    const now = options.clock.now();
    await scheduleCrons(now);
    const jobs = queues.length ? await claimJobs(options.db, queues, options.batchSize ?? 20, options.lockMs ?? 60_000, now) : [];
    for (const [index, job] of jobs.entries()) {
      if (signal.aborted) {
        // Stopping: the claimed jobs not started go back to the queue now rather than when their lock expires.
        await releaseJobs(options.db, jobs.slice(index));
        return index;
      }
      try {
        await options.handlers[job.queue]!(job);
        await completeJob(options.db, job.id, options.clock.now());
      } catch (error) {
        // Ids only in the log line: job payloads never hold personal data, errors might.
        options.logger.warn({ jobId: job.id, queue: job.queue, attempt: job.attempts }, 'job failed; will retry with backoff');
        await failJob(options.db, job, (error as Error).message, options.clock.now());
      }
    }
    return jobs.length;
  }

  return startPollingLoop({ name: 'job runner', tick, idleMs: options.pollMs ?? 500, logger: options.logger });
}
