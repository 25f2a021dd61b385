import { useRef } from 'react';

export type AttributeRow = { id: number; key: string; value: string };

const KEY_MAX = 64;
const VALUE_MAX = 1000;
let nextRowId = 0;

export function attributeRows(attributes: Record<string, string>): AttributeRow[] {
  return Object.entries(attributes).map(([key, value]) => ({ id: nextRowId++, key, value }));
}

// The rows as the API's record, or what is wrong with them. Rows left entirely blank are ignored.
export function checkAttributes(rows: AttributeRow[]): Record<string, string> | string {
  const result: Record<string, string> = {};
  for (const row of rows) {
    const key = row.key.trim();
    if (!key && !row.value.trim()) continue;
    if (!key) return 'Every attribute needs a name.';
    if (key.length > KEY_MAX) return `An attribute name has at most ${KEY_MAX} characters.`;
    if (row.value.length > VALUE_MAX) return `An attribute value has at most ${VALUE_MAX} characters.`;
    if (key in result) return `The attribute “${key}” appears twice.`;
    result[key] = row.value;
  }
  return result;
}

type Props = { rows: AttributeRow[]; onChange: (rows: AttributeRow[]) => void; error?: string };

// Free-form attributes (used as {{contact.attributes.<name>}} in campaigns), one name/value row each.
export function AttributesEditor({ rows, onChange, error }: Props) {
  const groupRef = useRef<HTMLFieldSetElement>(null);
  const update = (id: number, change: Partial<AttributeRow>) => onChange(rows.map((row) => (row.id === id ? { ...row, ...change } : row)));
  const add = () => {
    onChange([...rows, { id: nextRowId++, key: '', value: '' }]);
    // Keyboard users land in the new row's name field.
    requestAnimationFrame(() => groupRef.current?.querySelector<HTMLInputElement>('.attribute-row:last-of-type input')?.focus());
  };
  const remove = (id: number) => {
    onChange(rows.filter((row) => row.id !== id));
    groupRef.current?.querySelector<HTMLButtonElement>('.add-attribute')?.focus();
  };
  return (
    <fieldset ref={groupRef} className="attributes" aria-describedby={error ? 'attributes-error' : undefined}>
      <legend>Attributes</legend>
      {rows.length === 0 && <p className="field-hint">No attributes yet.</p>}
      {rows.map((row, index) => (
        <div key={row.id} className="attribute-row">
          <div className="field">
            <label htmlFor={`attr-key-${row.id}`}>Attribute {index + 1} name</label>
            <input id={`attr-key-${row.id}`} type="text" maxLength={KEY_MAX} value={row.key} aria-invalid={error ? true : undefined} onChange={(e) => update(row.id, { key: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`attr-value-${row.id}`}>Attribute {index + 1} value</label>
            <input id={`attr-value-${row.id}`} type="text" maxLength={VALUE_MAX} value={row.value} onChange={(e) => update(row.id, { value: e.target.value })} />
          </div>
          <button type="button" className="button button-quiet" onClick={() => remove(row.id)}>
            Remove<span className="visually-hidden"> attribute {index + 1}</span>
          </button>
        </div>
      ))}
      {error && <p id="attributes-error" className="field-error">{error}</p>}
      <button type="button" className="button add-attribute" onClick={add}>Add an attribute</button>
    </fieldset>
  );
}
