export { jobCatalog, type JobCatalog, type JobHandlers } from './catalog';
export type { PayloadOf } from './job-definition';
export { enqueue, type JobRow } from './job-queue';
export { startJobRunner } from './job-runner';
export { startPollingLoop, type PollingLoop } from './polling-loop';
