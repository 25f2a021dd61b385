import { createContext, useContext } from 'react';
import { renderPreview } from './templateFill';
import type { Template } from './types';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);

/** The workspace's templates, fetched once per open thread (the composer picks from them too). */
export const TemplatesContext = createContext<Template[]>([]);

// The values a send filled in, keyed like the composer's form ("body.1", "header.name").
function sentValues(components: Obj[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const c of components) {
    list(c.parameters).forEach((p, i) => {
      if (typeof p.text === 'string') values[`${String(c.type)}.${typeof p.parameter_name === 'string' ? p.parameter_name : i + 1}`] = p.text;
    });
  }
  return values;
}

// A template we sent: its text filled with the values sent, when the definition is known; else its
// name and values.
export function TemplateMessage({ b }: { b: Obj }) {
  const templates = useContext(TemplatesContext);
  const language = String(obj(b.language).code ?? '');
  const values = sentValues(list(b.components));
  const definition = templates.find((t) => t.name === b.name && t.language === language);
  const preview = definition ? renderPreview(definition, values) : null;
  return (
    <div>
      <p className="message-kind">{`Template “${String(b.name ?? '')}” (${language})`}</p>
      {preview?.header?.text && <p className="template-preview-header">{preview.header.text}</p>}
      {preview ? <p className="message-text">{preview.body}</p> : Object.keys(values).length > 0 && <p className="message-text">{Object.values(values).join(' · ')}</p>}
      {preview?.footer && <p className="template-preview-footer">{preview.footer}</p>}
      {preview?.buttons && <p className="message-buttons">{preview.buttons.map((x) => x.text).join(' · ')}</p>}
    </div>
  );
}
