export { enqueue, claimJobs, completeJob, failJob, type JobRow, type EnqueueOptions } from './job-queue';
export { startJobRunner, type JobHandler, type CronJob, type JobRunnerOptions } from './job-runner';
export { startPollingLoop, type PollingLoop, type PollingLoopOptions } from './polling-loop';
