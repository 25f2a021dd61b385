import { useEffect, useState } from 'react';
import { ApiError } from '../../app/api';
import { useApi } from '../../dashboard/useApi';
import { renderPreview, sendComponents } from './templateFill';
import type { Preview, Template } from './types';

// Servers without POST /templates/:id/preview answer 404 once; after that the preview is drawn locally.
let serverPreview = true;

export function TemplatePreview({ template, values, contactId }: { template: Template; values: Record<string, string>; contactId: string }) {
  const api = useApi();
  const local = renderPreview(template, values);
  const [remote, setRemote] = useState<Preview | null>(null);

  useEffect(() => {
    if (!serverPreview) return;
    let current = true;
    const components = sendComponents(template, values);
    const timer = setTimeout(() => {
      api<Preview>(`/templates/${encodeURIComponent(template.id)}/preview`, 'POST', { contactId, components }).then(
        (preview) => current && setRemote(preview),
        (error: unknown) => {
          if (error instanceof ApiError && error.status === 404) serverPreview = false;
          if (current) setRemote(null);
        },
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, template, values, contactId]);

  const preview = remote ?? local;
  return (
    <section className="template-preview" aria-label="Preview">
      <p className="message-kind">Preview</p>
      <div className="message message-out">
        {preview.header?.text && <p className="template-preview-header">{preview.header.text}</p>}
        {preview.header && !preview.header.text && <p className="message-muted">{`${preview.header.format.toLowerCase()} header`}</p>}
        <p className="message-text">{preview.body}</p>
        {preview.footer && <p className="template-preview-footer">{preview.footer}</p>}
        {preview.buttons && <p className="message-buttons">{preview.buttons.map((b) => b.text).join(' · ')}</p>}
      </div>
      {preview.missingParameters.length > 0 && <p className="field-hint">{`Still to fill: ${preview.missingParameters.join(', ')}`}</p>}
    </section>
  );
}
