// After a failed submit, take the keyboard to the first field that needs fixing (its error is read with it).
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
