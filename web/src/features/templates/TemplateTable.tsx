import { Fragment, useState } from 'react';
import { TemplatePreviewPanel } from './TemplatePreviewPanel';
import { bodyText, qualityLabel, statusLabel, type Template } from './template';

// Template text is the business's own, but still rendered as text only.
export function TemplateTable({ templates }: { templates: Template[] }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="table-scroll" role="region" aria-label="Templates, scrollable" tabIndex={0}>
      <table className="table templates-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Language</th>
            <th scope="col">Category</th>
            <th scope="col">Status</th>
            <th scope="col">Quality</th>
            <th scope="col">Rejection reason</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {templates.map((t) => (
            <Fragment key={t.id}>
              <tr>
                <td>
                  <code className="template-name">{t.name}</code>
                  {bodyText(t) && <p className="template-body" dir="auto">{bodyText(t)}</p>}
                </td>
                <td>{t.language}</td>
                <td>{t.category ?? '—'}</td>
                <td><span className={`status status-${(t.status ?? 'unknown').toLowerCase()}`}>{statusLabel(t.status)}</span></td>
                <td>{qualityLabel(t.quality)}</td>
                <td>{t.rejectedReason && t.rejectedReason !== 'NONE' ? t.rejectedReason : '—'}</td>
                <td>
                  <button type="button" className="button button-quiet" aria-expanded={open === t.id} onClick={() => setOpen(open === t.id ? null : t.id)}>
                    Preview<span className="visually-hidden"> {t.name} ({t.language})</span>
                  </button>
                </td>
              </tr>
              {open === t.id && (
                <tr id={`preview-row-${t.id}`}>
                  <td colSpan={7}><TemplatePreviewPanel template={t} /></td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
