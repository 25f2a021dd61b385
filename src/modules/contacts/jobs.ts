import type { JobHandlers } from '../../platform/jobs';
import type { ContactsDeps } from './deps';
import { processContactImport } from './import/process-import';
import { indexUnindexedContacts } from './index-search';

/** The worker's contact jobs: CSV imports and the search backfill (a cron whose first run is due at worker start). */
export function contactJobHandlers(deps: ContactsDeps): Pick<JobHandlers, 'contactImport' | 'indexSearch'> {
  return {
    contactImport: ({ workspaceId, importId }) => processContactImport(deps, workspaceId, importId),
    indexSearch: async () => void (await indexUnindexedContacts(deps)),
  };
}
