import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useAction } from '../dashboard/useAction';

type Props = {
  /** The button that opens the dialog; name what it acts on, e.g. "Revoke" with a visually hidden key name. */
  trigger: ReactNode;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Runs when confirmed; a thrown error is shown in the dialog, which stays open. */
  action: () => Promise<void>;
};

// A destructive action asks first, in a native modal <dialog>: it traps focus, closes on Escape and gives
// focus back to the button that opened it. Cancel comes first, so Enter on an opened dialog does no harm.
export function ConfirmAction({ trigger, title, children, confirmLabel, action }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const { busy, error, run } = useAction();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);

  const confirm = () => run(async () => {
    await action();
    // Closed here rather than by the effect, so that the dialog's own focus restoring (to this button)
    // happens first; onClose then updates the state.
    dialogRef.current?.close();
    // The item acted on (and this button with it) usually disappears: carry on from its list's heading
    // rather than leaving keyboard focus nowhere.
    const heading = triggerRef.current?.closest('section')?.querySelector<HTMLElement>('h2');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  });

  return (
    <>
      <button ref={triggerRef} type="button" className="button button-danger" onClick={() => setOpen(true)}>{trigger}</button>
      <dialog ref={dialogRef} className="confirm-dialog" aria-labelledby={titleId} onClose={() => setOpen(false)}>
        <h2 id={titleId}>{title}</h2>
        <div>{children}</div>
        {error && <p className="field-error" role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => setOpen(false)}>Cancel</button>
          <button type="button" className="button button-danger-solid" aria-disabled={busy} onClick={() => void confirm()}>
            {busy ? 'Working…' : confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
