import { useState, type FormEvent } from 'react';
import { useAction } from '../../dashboard/useAction';
import { useApi } from '../../dashboard/useApi';
import { variablesOf, type Template } from './template';

type Preview = {
  header?: { format: string; text?: string };
  body: string;
  footer?: string;
  buttons?: { type: string; text: string }[];
  missingParameters: string[];
};

function textOf(template: Template, type: string): string {
  const component = template.components.find((c) => String(c.type).toUpperCase() === type);
  return typeof component?.text === 'string' ? component.text : '';
}

// The template as a customer would read it with the values typed here, filled in by the server exactly as
// a send would be (POST /templates/:id/preview); variables left empty are listed.
export function TemplatePreviewPanel({ template }: { template: Template }) {
  const api = useApi();
  const headerVars = variablesOf(textOf(template, 'HEADER'));
  const bodyVars = variablesOf(textOf(template, 'BODY'));
  const [values, setValues] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const { busy, error, run } = useAction();
  const idBase = `preview-${template.id}`;

  const parameters = (part: string, vars: string[]) =>
    vars.map((v) => ({ type: 'text', text: values[`${part}.${v}`] ?? '', ...(/^\d+$/.test(v) ? {} : { parameter_name: v }) }));

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    await run(async () => {
      const components = [
        ...(headerVars.length ? [{ type: 'header', parameters: parameters('header', headerVars) }] : []),
        ...(bodyVars.length ? [{ type: 'body', parameters: parameters('body', bodyVars) }] : []),
      ];
      setPreview(await api<Preview>(`/templates/${encodeURIComponent(template.id)}/preview`, 'POST', { components }));
    });
  };

  const field = (part: 'header' | 'body', v: string) => (
    <div className="field" key={`${part}.${v}`}>
      <label htmlFor={`${idBase}-${part}-${v}`}>{part === 'header' ? 'Header' : 'Body'} {`{{${v}}}`}</label>
      <input id={`${idBase}-${part}-${v}`} type="text" value={values[`${part}.${v}`] ?? ''} onChange={(e) => setValues({ ...values, [`${part}.${v}`]: e.target.value })} />
    </div>
  );

  return (
    <div className="template-preview-panel">
      <form className="inline-form" onSubmit={(event) => void submit(event)}>
        {headerVars.map((v) => field('header', v))}
        {bodyVars.map((v) => field('body', v))}
        <button type="submit" className="button" aria-disabled={busy}>{busy ? 'Filling in…' : 'Show preview'}</button>
      </form>
      {error && <p className="field-error" role="alert">{error}</p>}
      <div role="status">
        {preview && (
          <div className="preview-result">
            <div className="bubble" dir="auto">
              {preview.header?.text && <p className="bubble-header">{preview.header.text}</p>}
              {preview.header && !preview.header.text && <p className="bubble-header">[{preview.header.format.toLowerCase()}]</p>}
              <p className="bubble-body">{preview.body}</p>
              {preview.footer && <p className="bubble-footer">{preview.footer}</p>}
            </div>
            {preview.buttons && preview.buttons.length > 0 && (
              <ul className="bubble-buttons">{preview.buttons.map((b, i) => <li key={i}>{b.text}</li>)}</ul>
            )}
            <p className="field-hint">
              {preview.missingParameters.length ? `Not filled in: ${preview.missingParameters.join(', ')}.` : 'Every variable is filled in.'}
            </p>
          </div>
        )}
      </div>
    </div>
  );
}
