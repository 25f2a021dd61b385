import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { focusFirstInvalid } from './focusFirstInvalid';

/**
 * A form's refusal and busy state. `refuse` shows the errors and moves focus to the first invalid
 * field in the same turn (flushSync), so a screen reader hears the field that needs fixing.
 */
export function useFormRefusal<R>(initial: R) {
  const formRef = useRef<HTMLFormElement>(null);
  const [refusal, setRefusal] = useState(initial);
  const [submitting, setSubmitting] = useState(false);
  const refuse = (next: R) => {
    flushSync(() => setRefusal(next));
    focusFirstInvalid(formRef.current);
  };
  return { formRef, refusal, setRefusal, submitting, setSubmitting, refuse };
}
