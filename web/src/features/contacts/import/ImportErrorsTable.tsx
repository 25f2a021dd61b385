import { DataTable, type Column } from '../../../ui/DataTable';
import type { ImportError } from './contactImport';

const COLUMNS: Column<ImportError>[] = [
  { header: 'Line', cell: (error) => error.line },
  { header: 'Column', cell: (error) => (error.column ? <code>{error.column}</code> : '—') },
  { header: 'Problem', cell: (error) => <>{error.message} <code className="id">{error.code}</code></> },
];

// Each refused row by its line in the file (the header is line 1), so it can be fixed there.
// Messages never repeat the cell's content (it may be personal data).
export function ImportErrorsTable({ errors, total }: { errors: ImportError[]; total: number }) {
  return (
    <>
      <h3 id="import-errors-title">Rows not imported</h3>
      {total > errors.length && <p>Showing the first {errors.length} of {total} errors.</p>}
      <DataTable
        rows={errors}
        columns={COLUMNS}
        rowKey={(error, index) => `${error.line}-${error.column ?? ''}-${index}`}
        className="import-errors"
        labelledBy="import-errors-title"
      />
    </>
  );
}
