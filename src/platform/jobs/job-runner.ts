import type { Clock } from '../clock';
import type { AnyDb } from '../db';
import type { Logger } from '../logging';
import { claimJobs, completeJob, enqueue, failJob, type JobRow } from './job-queue';

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
export function startJobRunner(options: JobRunnerOptions): { stop(): Promise<void>; drain(): Promise<number> } {
  const queues = Object.keys(options.handlers);
  const pollMs = options.pollMs ?? 500;
  let stopped = false;
  let running: Promise<number> = Promise.resolve(0);

  async function scheduleCrons(now: Date) {
    for (const cron of options.crons ?? []) {
      const period = Math.floor(now.getTime() / cron.everyMs);
      await enqueue(options.db, cron.queue, {}, { singletonKey: `cron:${cron.queue}:${period}`, runAt: new Date(period * cron.everyMs) });
    }
  }

  async function tick(): Promise<number> {
    const now = options.clock.now();
    await scheduleCrons(now);
    const jobs = queues.length ? await claimJobs(options.db, queues, options.batchSize ?? 20, options.lockMs ?? 60_000, now) : [];
    for (const job of jobs) {
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

  const loop = async () => {
    while (!stopped) {
      running = tick().catch((error) => {
        options.logger.error({ err: error }, 'job runner tick failed');
        return 0;
      });
      const processed = await running;
      if (!stopped && processed === 0) await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  };
  void loop();

  return {
    async stop() {
      stopped = true;
      await running;
    },
    /** Runs ticks until no job is due (tests). */
    async drain() {
      let total = 0;
      for (;;) {
        await running;
        const n = await tick();
        total += n;
        if (n === 0) return total;
      }
    },
  };
}
