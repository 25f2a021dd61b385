import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react';

type Common = { id: string; label: string; hint?: string; errors?: string[]; counter?: { length: number; max: number } };
type Props = Common & (({ multiline?: false } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) | ({ multiline: true } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>));

// A labelled input or textarea that shows every issue the server's linter raised about it, announced
// with the field (aria-describedby), and optionally a character count against WhatsApp's limit.
export function DraftField(props: Props) {
  const { id, label, hint, errors, counter } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const counterId = counter ? `${id}-count` : undefined;
  const describedBy = [hintId, errorId, counterId].filter(Boolean).join(' ') || undefined;
  const shared = { id, 'aria-invalid': errorId ? true : undefined, 'aria-describedby': describedBy } as const;
  let control;
  if (props.multiline) {
    const { multiline: _m, id: _i, label: _l, hint: _h, errors: _e, counter: _c, ...rest } = props;
    control = <textarea {...rest} {...shared} />;
  } else {
    const { multiline: _m, id: _i, label: _l, hint: _h, errors: _e, counter: _c, ...rest } = props;
    control = <input type="text" {...rest} {...shared} />;
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <p id={hintId} className="field-hint">{hint}</p>}
      {control}
      {counter && (
        <p id={counterId} className={counter.length > counter.max ? 'field-count over' : 'field-count'}>
          {counter.length} / {counter.max} characters
        </p>
      )}
      {errorId && (
        <ul id={errorId} className="field-errors">
          {errors!.map((message) => <li key={message} className="field-error">{message}</li>)}
        </ul>
      )}
    </div>
  );
}
