import { useRef } from 'react';
import type { FieldKey, DraftButton, ButtonType } from './templateDraft';
import { DraftField } from './DraftField';

const MAX_BUTTONS = 10;
const TYPES: { value: ButtonType; label: string }[] = [
  { value: 'QUICK_REPLY', label: 'Quick reply' },
  { value: 'URL', label: 'Visit website' },
  { value: 'PHONE_NUMBER', label: 'Call phone number' },
];
let nextButtonId = 0;

type Props = { buttons: DraftButton[]; onChange: (buttons: DraftButton[]) => void; errors: Partial<Record<FieldKey, string[]>> };

export function ButtonsEditor({ buttons, onChange, errors }: Props) {
  const groupRef = useRef<HTMLFieldSetElement>(null);
  const update = (id: number, change: Partial<DraftButton>) => onChange(buttons.map((b) => (b.id === id ? { ...b, ...change } : b)));
  const add = () => {
    onChange([...buttons, { id: nextButtonId++, type: 'QUICK_REPLY', text: '', url: '', phone: '' }]);
    requestAnimationFrame(() => groupRef.current?.querySelector<HTMLSelectElement>('.template-button:last-of-type select')?.focus());
  };
  const remove = (id: number) => {
    onChange(buttons.filter((b) => b.id !== id));
    groupRef.current?.querySelector<HTMLButtonElement>('.add-button')?.focus();
  };
  const groupErrors = errors.buttons;
  return (
    <fieldset ref={groupRef} className="template-buttons" aria-describedby={groupErrors ? 'buttons-error' : undefined}>
      <legend>Buttons (optional)</legend>
      <p className="field-hint">Up to {MAX_BUTTONS}: at most 2 website and 1 phone button, with quick replies grouped together.</p>
      {buttons.map((b, index) => (
        <div key={b.id} className="template-button">
          <div className="field">
            <label htmlFor={`button-${b.id}-type`}>Button {index + 1} type</label>
            <select id={`button-${b.id}-type`} value={b.type} onChange={(e) => update(b.id, { type: e.target.value as ButtonType })}>
              {TYPES.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
            </select>
          </div>
          <DraftField id={`button-${b.id}-text`} label={`Button ${index + 1} text`} value={b.text} errors={errors[`button.${index}.text`]} onChange={(e) => update(b.id, { text: e.target.value })} />
          {b.type === 'URL' && (
            <DraftField id={`button-${b.id}-url`} label={`Button ${index + 1} website address`} type="url" placeholder="https://example.com/orders" value={b.url} errors={errors[`button.${index}.url`]} onChange={(e) => update(b.id, { url: e.target.value })} />
          )}
          {b.type === 'PHONE_NUMBER' && (
            <DraftField id={`button-${b.id}-phone`} label={`Button ${index + 1} phone number`} type="tel" placeholder="+34600123456" value={b.phone} errors={errors[`button.${index}.phone`]} onChange={(e) => update(b.id, { phone: e.target.value })} />
          )}
          <button type="button" className="button button-quiet" onClick={() => remove(b.id)}>Remove<span className="visually-hidden"> button {index + 1}</span></button>
        </div>
      ))}
      {groupErrors && (
        <ul id="buttons-error" className="field-errors">
          {groupErrors.map((message) => <li key={message} className="field-error">{message}</li>)}
        </ul>
      )}
      {buttons.length < MAX_BUTTONS && <button type="button" className="button add-button" onClick={add}>Add a button</button>}
    </fieldset>
  );
}
