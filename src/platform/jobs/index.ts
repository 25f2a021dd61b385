export { jobCatalog, type JobCatalog, type JobHandlers } from './catalog';
export { defineJob, type HandlersFor, type JobContext, type JobDefinition, type JobHandler, type PayloadOf } from './job-definition';
export { enqueue, claimJobs, completeJob, failJob, LOCK_MARGIN_MS, type ClaimedJob, type JobRow, type EnqueueOptions } from './job-queue';
export { startJobRunner, type JobRunnerOptions } from './job-runner';
export { startPollingLoop, type PollingLoop, type PollingLoopOptions } from './polling-loop';
