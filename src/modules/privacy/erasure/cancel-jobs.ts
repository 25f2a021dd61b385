import { sql } from 'kysely';
import type { TenantTx } from '../../../platform/db';
import type { DataSubject } from '../personal-data';

/**
 * Queued jobs about the person (a media fetch, an automated reply, a webhook delivery…) are closed
 * with their payload emptied: payloads carry ids only, so a job is about the person when any of
 * its values is one of the subject's ids. The app role may update jobs but not delete them. A job
 * running right now is left to finish: handlers are idempotent and find the rows gone.
 */
export async function cancelJobsAbout(tx: TenantTx, workspaceId: string, subject: DataSubject, at: Date): Promise<number> {
  const ids = [subject.contactId, ...subject.conversationIds, ...subject.messageIds, ...subject.mediaIds, ...subject.otherIds];
  const result = await sql`
    update jobs set status = 'done', payload = '{}'::jsonb, finished_at = ${at}, last_error = 'cancelled: the person it was about was erased'
    where workspace_id = ${workspaceId} and status = 'queued'
      and exists (select 1 from jsonb_each_text(payload) p where p.value = any(${ids}::text[]))`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}
