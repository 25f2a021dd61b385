export { jobCatalog, type JobCatalog, type JobHandlers } from './catalog';
export type { JobContext, PayloadOf } from './job-definition';
export { enqueue, type EnqueueOptions, type JobRow } from './job-queue';
export { startJobRunner, type JobRunnerOptions } from './job-runner';
export { startPollingLoop, type PollingLoop, type PollingLoopOptions } from './polling-loop';
