import { useEffect, useState } from 'react';
import { asApiError } from '../../../dashboard/useResource';
import { fetchImport, finished, type ContactImport } from './contactImport';

const POLL_MS = 500;
const MAX_BACKOFF_MS = 8000;

export type ImportProgress = { current: ContactImport | null; error: string | null };

// Polls the import until it is completed or failed. A failed poll (network, restart) is retried with a
// growing pause and shown meanwhile; the import itself carries on on the server regardless.
export function useImportProgress(importId: string): ImportProgress {
  const [state, setState] = useState<ImportProgress>({ current: null, error: null });
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const poll = async () => {
      try {
        const current = await fetchImport(importId);
        if (stopped) return;
        failures = 0;
        setState({ current, error: null });
        if (!finished(current)) timer = setTimeout(() => void poll(), POLL_MS);
      } catch (error) {
        if (stopped) return;
        const failure = asApiError(error);
        setState((s) => ({ ...s, error: failure.message }));
        // An unknown import (wrong link, another workspace) will not appear by waiting.
        if (failure.status === 404) return;
        failures++;
        timer = setTimeout(() => void poll(), Math.min(POLL_MS * 2 ** failures, MAX_BACKOFF_MS));
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [importId]);
  return state;
}
