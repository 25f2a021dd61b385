import { useContext, useState, type FormEvent } from 'react';
import { FormAlert } from '../../ui/FormAlert';
import { formatDateTime } from '../../ui/formatDate';
import { TemplatePreview } from './TemplatePreview';
import { sendComponents, templateFields } from './templateFill';
import { TemplatesContext } from './TemplateMessage';
import type { Conversation } from './types';
import { useSend } from './useSend';

type Props = { conversation: Conversation; onSent: () => void };

// Outside the 24-hour window only an approved template may be sent: pick one, fill its variables,
// check the preview, send.
export function TemplateComposer({ conversation, onSent }: Props) {
  const templates = useContext(TemplatesContext);
  const approved = templates.filter((t) => t.status?.toUpperCase() === 'APPROVED');
  const [templateId, setTemplateId] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const { sending, error, send, draftChanged } = useSend(conversation, onSent);
  const template = approved.find((t) => t.id === templateId);
  const fields = template ? templateFields(template) : [];

  const choose = (id: string) => {
    setTemplateId(id);
    setValues({});
    draftChanged();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!template || sending) return;
    const components = sendComponents(template, values);
    const ok = await send({ type: 'template', template: { name: template.name, language: { code: template.language }, ...(components.length ? { components } : {}) } });
    if (ok) choose('');
  };

  return (
    <form className="composer composer-template" onSubmit={(e) => void submit(e)}>
      <p className="composer-window" role="note">
        {conversation.windowExpiresAt
          ? `The 24-hour window closed ${formatDateTime(conversation.windowExpiresAt)}. Only an approved template can be sent until the customer writes again.`
          : 'The customer has not written yet, so only an approved template can be sent.'}
      </p>
      <div className="field">
        <label htmlFor="composer-template">Template</label>
        <select id="composer-template" value={templateId} onChange={(e) => choose(e.target.value)}>
          <option value="">{approved.length ? 'Choose a template' : 'No approved templates'}</option>
          {approved.map((t) => <option key={t.id} value={t.id}>{`${t.name} (${t.language})`}</option>)}
        </select>
      </div>
      {template && (
        <>
          {fields.map((f) => (
            <div className="field" key={f.key}>
              <label htmlFor={`template-${f.key}`}>{f.label}</label>
              <input id={`template-${f.key}`} type="text" required value={values[f.key] ?? ''} onChange={(e) => {
                setValues({ ...values, [f.key]: e.target.value });
                draftChanged();
              }} />
            </div>
          ))}
          <TemplatePreview template={template} values={values} contactId={conversation.contactId} />
          <button type="submit" className="button button-primary" aria-disabled={sending || undefined}>{sending ? 'Sending…' : 'Send template'}</button>
        </>
      )}
      {error && <FormAlert><p>{error}</p></FormAlert>}
    </form>
  );
}
