import { useState } from 'react';
import { fieldIssues } from './fieldIssues';

type FormErrors<F extends string> = {
  fields: Partial<Record<F, string>>;
  form: string[];
  /** Spreads a refusal over the fields it names; the rest is for the whole form. */
  refuse: (error: unknown) => void;
  /** Sets the errors found before sending (what the person left out). */
  set: (fields: Partial<Record<F, string>>) => void;
  /** A field being fixed: its error goes at once, and the form's with it. */
  fixing: (field: F) => void;
  reset: () => void;
};

// A form's errors, which clear as soon as the person starts fixing what they point at.
export function useFormErrors<F extends string>(names: readonly F[]): FormErrors<F> {
  const [state, setState] = useState<{ fields: Partial<Record<F, string>>; form: string[] }>({ fields: {}, form: [] });
  return {
    ...state,
    refuse: (error) => setState(fieldIssues(error, names)),
    set: (fields) => setState({ fields, form: [] }),
    fixing: (field) => {
      if (state.fields[field] || state.form.length) setState({ fields: { ...state.fields, [field]: undefined }, form: [] });
    },
    reset: () => setState({ fields: {}, form: [] }),
  };
}
