import { Fragment, type ReactNode } from 'react';

export type Column<Row> = {
  /** What the column's <th scope="col"> says; a visually hidden span where the column needs no visible title. */
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  cellClassName?: (row: Row) => string | undefined;
};

// The scroll region needs a name to be announced: its own (aria-label) or a heading's id (aria-labelledby).
type RegionName = { label: string; labelledBy?: never } | { labelledBy: string; label?: never };

type Props<Row> = RegionName & {
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey: (row: Row, index: number) => string;
  /** Extra classes after `table` (per-table widths and looks live in each feature's CSS). */
  className?: string;
  /** Read by screen readers only: the region's name already shows what the table is. */
  caption?: string;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  /** A full-width row under a row (an expanded preview, say); null draws none. */
  detail?: (row: Row) => ReactNode;
};

// Every dashboard table: wide content scrolls sideways inside a focusable region on a phone rather than
// widening the page, and the keyboard can scroll it too.
export function DataTable<Row>({ rows, columns, rowKey, className, caption, empty = null, detail, label, labelledBy }: Props<Row>) {
  if (rows.length === 0) return <>{empty}</>;
  return (
    <div className="table-scroll" role="region" aria-label={label} aria-labelledby={labelledBy} tabIndex={0}>
      <table className={className ? `table ${className}` : 'table'}>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column, index) => <th key={index} scope="col">{column.header}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => {
            const below = detail?.(row);
            return (
              <Fragment key={rowKey(row, rowIndex)}>
                <tr>
                  {columns.map((column, index) => <td key={index} className={column.cellClassName?.(row)}>{column.cell(row)}</td>)}
                </tr>
                {below != null && (
                  <tr>
                    <td colSpan={columns.length}>{below}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
