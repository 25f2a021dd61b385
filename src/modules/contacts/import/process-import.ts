import { withTenant } from '../../../platform/db';
import { enqueue, jobCatalog } from '../../../platform/jobs';
import type { ContactsDeps } from '../deps';
import { analyzeAudienceTables } from '../contact.repository';
import { applyImportBatch } from './apply-import-batch';
import { findImport, findImportFile, updateImport, type ImportProgress } from './import.repository';
import { readImportFile, type ImportError, type ImportNotice, type ImportRow, type RowOutcome } from './read-import-file';
import { IMPORT_CSV_CONTEXT, importKeyOwner } from './start-import';

/** Rows per transaction: the progress (and the UI's bar) moves once per batch. */
export const IMPORT_BATCH_ROWS = 250;
/**
 * A run stops after this long and leaves the rest to a continuation job, well inside its job's
 * timeout (the jobs catalog), so a run is never cut off and no second worker claims it meanwhile.
 */
const RUN_BUDGET_MS = 20_000;
/** Errors (and notices) kept per import; `errorCount` (`noticeCount`) still counts them all. */
const MAX_ERRORS = 1000;

const FIRST_ANALYZE_ROWS = 2_000;

const finished = (row: ImportProgress | undefined) => !row || row.status === 'completed' || row.status === 'failed';

/**
 * The import job: decrypts the file and reads its rows as the batches ask for them (never the
 * whole file as one string), committing batch after batch, each with its progress, so
 * a crashed or repeated run resumes after the last committed batch and never applies one twice
 * (the import row is locked per batch, so concurrent runs take turns). A run past its time budget
 * hands the rest to a continuation job committed with its last batch. When done, the file and
 * its key are deleted (crypto-shredding: no copy of the file stays readable).
 */
export async function processContactImport(deps: ContactsDeps, workspaceId: string, importId: string, options: { budgetMs?: number } = {}): Promise<void> {
  const started = performance.now();
  const csv = await withTenant(deps.db, workspaceId, async (tx) => {
    const row = await findImport(tx, workspaceId, importId);
    if (finished(row)) return null;
    const csv = await findImportFile(tx, workspaceId, importId);
    if (!csv) {
      // Only a completed import has no file; anything else lost it (an erased workspace key): nothing to do.
      await updateImport(tx, workspaceId, importId, { status: 'failed', completed_at: deps.clock.now() }, deps.clock.now());
      return null;
    }
    return deps.keyring.decrypt(tx, workspaceId, csv, IMPORT_CSV_CONTEXT);
  });
  if (csv === null) return;
  const rows = rowCursor((await readImportFile(csv)).rows);
  try {
    await processBatches(deps, workspaceId, importId, rows.take, started, options.budgetMs ?? RUN_BUDGET_MS);
  } finally {
    await rows.close();
  }
}

async function processBatches(deps: ContactsDeps, workspaceId: string, importId: string, take: RowCursor['take'], started: number, budgetMs: number): Promise<void> {
  // The contact tables grow under the batches' lookups: fresh statistics each time they quadruple
  // keep those lookups probing keys, not scanning the workspace (PGlite has no autovacuum).
  let analyzeAt = FIRST_ANALYZE_ROWS;
  for (let processed = 0; ; ) {
    if (processed >= analyzeAt) {
      await analyzeAudienceTables(deps.db);
      analyzeAt = processed * 4;
    }
    const more = await withTenant(deps.db, workspaceId, async (tx) => {
      const row = await findImport(tx, workspaceId, importId, true);
      if (finished(row)) return false;
      processed = row!.processed_rows + IMPORT_BATCH_ROWS;
      const now = deps.clock.now();
      const batch = await take(row!.processed_rows, IMPORT_BATCH_ROWS);
      if (!batch.length) {
        await updateImport(tx, workspaceId, importId, { status: 'completed', csv: null, completed_at: now }, now);
        await deps.keyring.shredOwner(tx, workspaceId, importKeyOwner(importId));
        return false;
      }
      const valid = batch.filter((o) => o.row).map((o) => o.row as ImportRow);
      const errors = batch.flatMap((o) => o.errors ?? []);
      const counts = await applyImportBatch(deps, tx, workspaceId, importId, valid, now);
      await updateImport(tx, workspaceId, importId, {
        status: 'processing',
        processed_rows: row!.processed_rows + batch.length,
        created: row!.created + counts.created,
        updated: row!.updated + counts.updated,
        error_count: row!.error_count + errors.length,
        errors: errors.length ? ([...row!.errors, ...errors] as ImportError[]).slice(0, MAX_ERRORS) : row!.errors,
        notice_count: row!.notice_count + counts.notices.length,
        notices: counts.notices.length ? ([...row!.notices, ...counts.notices] as ImportNotice[]).slice(0, MAX_ERRORS) : row!.notices,
      }, now);
      const rest = row!.total_rows - row!.processed_rows - batch.length;
      if (rest > 0 && performance.now() - started > budgetMs) {
        await enqueue(tx, jobCatalog.contactImport, { workspaceId, importId }, { workspaceId });
        return false;
      }
      return true;
    });
    if (!more) return;
  }
}

type RowCursor = { take: (from: number, count: number) => Promise<RowOutcome[]>; close: () => Promise<void> };

/**
 * The file's rows read forward only, as batches ask for them. A batch starts at the committed
 * progress, which a concurrent run of the same import may have moved on: the rows in between are
 * read (their phones still count for duplicates) and passed over.
 */
function rowCursor(rows: AsyncIterable<RowOutcome>): RowCursor {
  const it = rows[Symbol.asyncIterator]();
  let at = 0;
  return {
    async take(from, count) {
      const batch: RowOutcome[] = [];
      while (at < from + count) {
        const next = await it.next();
        if (next.done) break;
        if (at >= from) batch.push(next.value);
        at += 1;
      }
      return batch;
    },
    async close() {
      await it.return?.();
    },
  };
}
