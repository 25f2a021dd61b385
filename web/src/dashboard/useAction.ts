import { useState } from 'react';

type Action = {
  busy: boolean;
  /** The last run's failure, as a message to show beside what started it; cleared when a run starts. */
  error: string | null;
  run: (work: () => Promise<void>) => Promise<void>;
};

// What a button or form starts: one run at a time (a second click while it runs does nothing, as the
// buttons are only aria-disabled to stay focusable), and a failure kept for the page to show.
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Something went wrong. Please try again.');
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
