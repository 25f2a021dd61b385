import type { ImportError } from './contactImport';

// Each refused row by its line in the file (the header is line 1), so it can be fixed there.
// Messages never repeat the cell's content (it may be personal data).
export function ImportErrorsTable({ errors, total }: { errors: ImportError[]; total: number }) {
  return (
    <>
      <h3 id="import-errors-title">Rows not imported</h3>
      {total > errors.length && <p>Showing the first {errors.length} of {total} errors.</p>}
      <div className="table-scroll" role="region" aria-labelledby="import-errors-title" tabIndex={0}>
        <table className="table import-errors">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((error, index) => (
              <tr key={`${error.line}-${error.column ?? ''}-${index}`}>
                <td>{error.line}</td>
                <td>{error.column ? <code>{error.column}</code> : '—'}</td>
                <td>{error.message} <code className="id">{error.code}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
