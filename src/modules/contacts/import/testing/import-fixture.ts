import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { claimJobs, completeJob } from '../../../../platform/jobs';
import { startTestApp, type TestApp } from '../../../../test-support/test-app';
import type { HttpClient } from '../../../../test-support/http-client';
import { contactJobHandlers } from '../../jobs';
import { CONTACT_IMPORT_QUEUE } from '../start-import';

export type ImportView = { id: string; status: string; totalRows: number; processedRows: number; created: number; updated: number; errorCount: number; errors: { line: number; column: string | null; code: string; message: string }[]; completedAt: string | null };
export type Contact = { id: string; name: string | null; phone: string; tags: string[]; attributes: Record<string, string>; marketingConsent: boolean };

/**
 * The import tests' product and signed-up owner, with the steps they share: upload a CSV, run the
 * queued import jobs as a worker does, read an import and find contacts by phone.
 */
export async function startImportFixture() {
  const t: TestApp = await startTestApp();
  const owner = await t.signUp();
  const api: HttpClient = owner.client;
  const workspaceId = owner.workspaceId;
  const db = () => t.container.database.db;
  const upload = (csv: string | Buffer, client = api) => client.request('POST', '/api/v1/contacts/import', { rawBody: csv, headers: { 'content-type': 'text/csv' } });
  return {
    t,
    api,
    workspaceId,
    db,
    upload,
    async importFile(csv: string): Promise<string> {
      const r = await upload(csv);
      assert.equal(r.status, 202, r.text);
      return (r.body as { importId: string }).importId;
    },
    /** What a worker does: claims the queued import jobs and runs their handler. */
    async runImportJobs(): Promise<number> {
      const handlers = contactJobHandlers(t.container.contacts);
      const jobs = await claimJobs(db(), [CONTACT_IMPORT_QUEUE], 50, 60_000, new Date());
      for (const job of jobs) {
        assert.deepEqual(Object.keys(job.payload).sort(), ['importId', 'workspaceId'], 'ids only in the job');
        await handlers[CONTACT_IMPORT_QUEUE]!(job);
        await completeJob(db(), job.id, new Date());
      }
      return jobs.length;
    },
    status: async (id: string) => (await api.get(`/api/v1/contacts/imports/${id}`)).body as ImportView,
    byPhone: async (phone: string) => ((await api.get(`/api/v1/contacts?q=${encodeURIComponent(phone)}`)).body as { data: Contact[] }).data,
    count: async (table: 'contacts' | 'consent_entries') => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where workspace_id = ${workspaceId}`.execute(db())).rows[0]!.n),
    close: () => t.close(),
  };
}

export type ImportFixture = Awaited<ReturnType<typeof startImportFixture>>;
