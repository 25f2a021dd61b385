import { bodyText, qualityLabel, statusLabel, type Template } from './template';

// Template text is the business's own, but still rendered as text only.
export function TemplateTable({ templates }: { templates: Template[] }) {
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
          </tr>
        </thead>
        <tbody>
          {templates.map((t) => (
            <tr key={t.id}>
              <td>
                <code className="template-name">{t.name}</code>
                {bodyText(t) && <p className="template-body" dir="auto">{bodyText(t)}</p>}
              </td>
              <td>{t.language}</td>
              <td>{t.category ?? '—'}</td>
              <td><span className={`status status-${(t.status ?? 'unknown').toLowerCase()}`}>{statusLabel(t.status)}</span></td>
              <td>{qualityLabel(t.quality)}</td>
              <td>{t.rejectedReason && t.rejectedReason !== 'NONE' ? t.rejectedReason : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
