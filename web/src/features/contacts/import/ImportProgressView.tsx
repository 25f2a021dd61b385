import { Link } from '../../../app/navigation';
import { formatDateTime } from '../../../ui/formatDate';
import type { ContactImport } from './contactImport';
import { ImportErrorsTable } from './ImportErrorsTable';
import { useImportProgress } from './useImportProgress';

export function ImportProgressView({ importId }: { importId: string }) {
  const { current, error } = useImportProgress(importId);
  return (
    <section aria-labelledby="import-progress-title" className="import-progress">
      <h2 id="import-progress-title">Import progress</h2>
      {error && <div className="form-alert" role="alert"><p>Could not check the import: {error}</p></div>}
      {!current && !error && <p role="status">Checking the import…</p>}
      {current && <Progress current={current} />}
    </section>
  );
}

function Progress({ current }: { current: ContactImport }) {
  const known = current.totalRows > 0;
  const percent = known ? Math.round((current.processedRows / current.totalRows) * 100) : current.status === 'completed' ? 100 : 0;
  return (
    <>
      <div
        className="progress"
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={known ? `${current.processedRows} of ${current.totalRows} rows` : statusText(current)}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      {/* Announced when the stage changes, not at every poll. */}
      <p role="status" className="import-status">{statusText(current)}</p>
      <dl className="details import-counts">
        <dt>Rows read</dt><dd>{current.processedRows} of {current.totalRows}</dd>
        <dt>Contacts created</dt><dd>{current.created}</dd>
        <dt>Contacts updated</dt><dd>{current.updated}</dd>
        <dt>Rows with errors</dt><dd>{current.errorCount}</dd>
        <dt>Started</dt><dd>{formatDateTime(current.createdAt)}</dd>
        {current.completedAt && <><dt>Finished</dt><dd>{formatDateTime(current.completedAt)}</dd></>}
      </dl>
      {current.status === 'completed' && <p><Link to="/app/contacts">See the contacts</Link></p>}
      {current.errors.length > 0 && <ImportErrorsTable errors={current.errors} total={current.errorCount} />}
    </>
  );
}

function statusText(i: ContactImport): string {
  switch (i.status) {
    case 'queued':
      return 'Waiting to start…';
    case 'processing':
      return 'Importing…';
    case 'failed':
      return 'The import failed. Contacts imported before the failure are kept; check the file and try again.';
    case 'completed': {
      const errors = i.errorCount ? ` ${i.errorCount} row${i.errorCount === 1 ? ' was' : 's were'} not imported: see below.` : '';
      return `Import complete: ${i.created} created, ${i.updated} updated.${errors}`;
    }
  }
}
