import { useState } from 'react';
import { DataTable, type Column } from '../../ui/DataTable';
import { TemplatePreviewPanel } from './TemplatePreviewPanel';
import { bodyText, qualityLabel, statusLabel, type Template } from './template';

const COLUMNS: Column<Template>[] = [
  {
    header: 'Name',
    cell: (t) => (
      <>
        <code className="template-name">{t.name}</code>
        {bodyText(t) && <p className="template-body" dir="auto">{bodyText(t)}</p>}
      </>
    ),
  },
  { header: 'Language', cell: (t) => t.language },
  { header: 'Category', cell: (t) => t.category ?? '—' },
  { header: 'Status', cell: (t) => <span className={`status status-${(t.status ?? 'unknown').toLowerCase()}`}>{statusLabel(t.status)}</span> },
  { header: 'Quality', cell: (t) => qualityLabel(t.quality) },
  { header: 'Rejection reason', cell: (t) => (t.rejectedReason && t.rejectedReason !== 'NONE' ? t.rejectedReason : '—') },
];

// Template text is the business's own, but still rendered as text only. One preview is open at a time,
// in a full-width row under its template.
export function TemplateTable({ templates }: { templates: Template[] }) {
  const [open, setOpen] = useState<string | null>(null);
  const preview: Column<Template> = {
    header: <span className="visually-hidden">Actions</span>,
    cell: (t) => (
      <button type="button" className="button button-quiet" aria-expanded={open === t.id} onClick={() => setOpen(open === t.id ? null : t.id)}>
        Preview<span className="visually-hidden"> {t.name} ({t.language})</span>
      </button>
    ),
  };
  return (
    <DataTable
      rows={templates}
      columns={[...COLUMNS, preview]}
      rowKey={(t) => t.id}
      className="templates-table"
      label="Templates, scrollable"
      detail={(t) => (open === t.id ? <TemplatePreviewPanel template={t} /> : null)}
    />
  );
}
