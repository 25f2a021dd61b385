import type { CronJob, JobHandler } from '../../platform/jobs';
import type { ContactsDeps } from './deps';
import { processContactImport } from './import/process-import';
import { CONTACT_IMPORT_QUEUE } from './import/start-import';
import { indexUnindexedContacts, INDEX_SEARCH_QUEUE } from './index-search';

/** The worker's contact jobs: CSV imports (payload: ids only) and the search backfill. */
export function contactJobHandlers(deps: ContactsDeps): Record<string, JobHandler> {
  return {
    [CONTACT_IMPORT_QUEUE]: (job) => processContactImport(deps, String(job.payload.workspaceId), String(job.payload.importId)),
    [INDEX_SEARCH_QUEUE]: async () => void (await indexUnindexedContacts(deps)),
  };
}

/** The backfill's first run is due as soon as a worker starts; later runs find nothing to do. */
export const contactCrons: CronJob[] = [{ queue: INDEX_SEARCH_QUEUE, everyMs: 3_600_000 }];
