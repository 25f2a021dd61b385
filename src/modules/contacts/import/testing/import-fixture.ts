import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { jobCatalog, startJobRunner } from '../../../../platform/jobs';
import { startTestApp, type TestApp } from '../../../../test-support/test-app';
import type { HttpClient } from '../../../../test-support/http-client';
import { contactJobHandlers } from '../../jobs';

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
    /** What a worker does: runs the queued import jobs (and the continuations they queue); returns how many ran. */
    async runImportJobs(): Promise<number> {
      const queued = await sql<{ payload: Record<string, unknown> }>`select payload from jobs where queue = ${jobCatalog.contactImport.name} and status = 'queued'`.execute(db());
      for (const { payload } of queued.rows) assert.deepEqual(Object.keys(payload).sort(), ['importId', 'workspaceId'], 'ids only in the job');
      const runner = startJobRunner({ db: db(), clock: t.container.clock, logger: t.container.logger, catalog: { contactImport: jobCatalog.contactImport }, handlers: contactJobHandlers(t.container.contacts), autoStart: false });
      try {
        return await runner.drain();
      } finally {
        await runner.stop();
      }
    },
    status: async (id: string) => (await api.get(`/api/v1/contacts/imports/${id}`)).body as ImportView,
    byPhone: async (phone: string) => ((await api.get(`/api/v1/contacts?q=${encodeURIComponent(phone)}`)).body as { data: Contact[] }).data,
    count: async (table: 'contacts' | 'consent_entries') => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where workspace_id = ${workspaceId}`.execute(db())).rows[0]!.n),
    close: () => t.close(),
  };
}

export type ImportFixture = Awaited<ReturnType<typeof startImportFixture>>;
