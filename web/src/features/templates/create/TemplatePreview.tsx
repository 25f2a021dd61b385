import { fillVariables } from '../../../app/templateVariables';
import type { Draft } from './templateDraft';

// Roughly how the customer will see the message. Text only, never markup; variables stay visible as
// {{1}} unless an example was given.
export function TemplatePreview({ draft }: { draft: Draft }) {
  const fill = (text: string, examples: (v: string) => string | undefined) => fillVariables(text, (v) => examples(v)?.trim());
  const header = fill(draft.header, () => draft.headerExample);
  const body = fill(draft.body, (v) => draft.bodyExamples[v]);
  return (
    <aside className="template-preview" aria-labelledby="template-preview-title">
      <h3 id="template-preview-title">Preview</h3>
      <div className="bubble" dir="auto">
        {header.trim() && <p className="bubble-header">{header}</p>}
        <p className="bubble-body">{body.trim() ? body : <span className="placeholder">The body text appears here.</span>}</p>
        {draft.footer.trim() && <p className="bubble-footer">{draft.footer}</p>}
      </div>
      {draft.buttons.length > 0 && (
        <ul className="bubble-buttons">
          {draft.buttons.map((b) => <li key={b.id}>{b.text || 'Button'}</li>)}
        </ul>
      )}
    </aside>
  );
}
