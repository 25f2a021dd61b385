import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { ApiError } from '../../../app/api';
import { useApi } from '../../../dashboard/useApi';
import { FormAlert } from '../../../ui/FormAlert';
import { SelectField } from '../../../ui/SelectField';
import { focusFirstInvalid } from '../../../ui/focusFirstInvalid';
import { statusLabel, variablesOf, type Category, type CreatedTemplate, type LintIssue } from '../template';
import { ButtonsEditor } from './ButtonsEditor';
import { DraftField } from './DraftField';
import { LANGUAGES } from './languages';
import { buildRequest, emptyDraft, spreadIssues, type Draft, type FieldKey } from './templateDraft';
import { TemplatePreview } from './TemplatePreview';

const CATEGORIES: { value: Category; label: string }[] = [
  { value: 'UTILITY', label: 'Utility: about an order, account or request' },
  { value: 'MARKETING', label: 'Marketing: offers, news, invitations' },
  { value: 'AUTHENTICATION', label: 'Authentication: one-time codes' },
];

type Feedback = { fields: Partial<Record<FieldKey, string[]>>; form: string[] };
const NO_FEEDBACK: Feedback = { fields: {}, form: [] };

// WhatsApp's rules are checked by the server's linter (the same rules Meta applies); its findings are
// shown next to the fields they are about, then the template goes to Meta's review.
export function CreateTemplateForm({ channelId, onCreated }: { channelId?: string; onCreated: () => void }) {
  const api = useApi();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [feedback, setFeedback] = useState<Feedback>(NO_FEEDBACK);
  const [submitted, setSubmitted] = useState<{ text: string; warnings: LintIssue[] } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const headerVars = variablesOf(draft.header);
  const bodyVars = variablesOf(draft.body);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setSubmitted(null);
    const { request, fieldOf } = buildRequest(draft, channelId);
    try {
      const created = await api<CreatedTemplate>('/templates', 'POST', request);
      setFeedback(NO_FEEDBACK);
      setDraft(emptyDraft);
      setSubmitted({ text: `Template ${created.name} (${created.language}) submitted: ${statusLabel(created.status).toLowerCase()}. WhatsApp’s decision appears in the list below.`, warnings: created.warnings });
      onCreated();
    } catch (error) {
      flushSync(() => setFeedback(toFeedback(error, fieldOf)));
      focusFirstInvalid(formRef.current);
    } finally {
      setSubmitting(false);
    }
  };

  const f = feedback.fields;
  return (
    <section aria-labelledby="create-template-title">
      <h2 id="create-template-title">Create a template</h2>
      <div role="status">
        {submitted && (
          <div className="notice card">
            <p className="success">{submitted.text}</p>
            {submitted.warnings.length > 0 && <ul className="warnings">{submitted.warnings.map((w) => <li key={w.path + w.message}>{w.message}</li>)}</ul>}
          </div>
        )}
      </div>
      {feedback.form.length > 0 && <FormAlert>{feedback.form.map((message) => <p key={message}>{message}</p>)}</FormAlert>}
      <form ref={formRef} className="template-editor" noValidate onSubmit={(event) => void submit(event)}>
        <div className="form template-fields">
          <DraftField id="template-name" label="Name" hint="Lower-case letters, digits and underscores, e.g. order_ready." autoComplete="off" spellCheck={false} value={draft.name} errors={f.name} onChange={(e) => set('name', e.target.value)} />
          <SelectField id="template-language" label="Language" options={LANGUAGES} value={draft.language} onChange={(e) => set('language', e.target.value)} />
          {f.language && <p className="field-error">{f.language.join(' ')}</p>}
          <SelectField id="template-category" label="Category" hint="Meta prices and reviews each category differently; marketing needs the customer’s consent." options={CATEGORIES} value={draft.category} onChange={(e) => set('category', e.target.value as Category)} />
          {f.category && <p className="field-error">{f.category.join(' ')}</p>}
          <DraftField id="template-header" label="Header (optional)" hint="A short title; at most one variable." value={draft.header} errors={f.header} counter={{ length: draft.header.length, max: 60 }} onChange={(e) => set('header', e.target.value)} />
          {headerVars.length > 0 && (
            <DraftField id="template-header-example" label={`Example for the header’s {{${headerVars[0]}}}`} value={draft.headerExample} onChange={(e) => set('headerExample', e.target.value)} />
          )}
          <DraftField multiline id="template-body" label="Body" hint="Variables are {{1}}, {{2}}… in order; the text may not start or end with one." rows={5} value={draft.body} errors={f.body} counter={{ length: draft.body.length, max: 1024 }} onChange={(e) => set('body', e.target.value)} />
          {bodyVars.map((v) => (
            <DraftField key={v} id={`template-body-example-${v}`} label={`Example for {{${v}}}`} hint="Shown to Meta’s reviewers; never sent." value={draft.bodyExamples[v] ?? ''} onChange={(e) => set('bodyExamples', { ...draft.bodyExamples, [v]: e.target.value })} />
          ))}
          <DraftField id="template-footer" label="Footer (optional)" hint="No variables." value={draft.footer} errors={f.footer} counter={{ length: draft.footer.length, max: 60 }} onChange={(e) => set('footer', e.target.value)} />
          <ButtonsEditor buttons={draft.buttons} errors={f} onChange={(buttons) => set('buttons', buttons)} />
          <button type="submit" className="button button-primary" aria-disabled={submitting}>{submitting ? 'Submitting…' : 'Submit for review'}</button>
        </div>
        <TemplatePreview draft={draft} />
      </form>
    </section>
  );
}

function toFeedback(error: unknown, fieldOf: (path: string) => FieldKey | null): Feedback {
  if (!(error instanceof ApiError)) return { fields: {}, form: ['Something went wrong. Please try again.'] };
  if (error.code === 'validation_failed' && error.details?.issues?.length) return spreadIssues(error.details.issues, fieldOf);
  // Meta's own refusal (the simulator's in sandbox mode): its title, and its hint when it has one.
  const hint = typeof error.details?.hint === 'string' ? error.details.hint : null;
  if (error.code === 'template_rejected' && error.details?.subcode === 2388024) return { fields: { name: [error.message] }, form: [] };
  return { fields: {}, form: [error.message, ...(hint ? [hint] : [])] };
}
