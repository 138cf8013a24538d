/**
 * Runs one request at a time for a view: busy while it is in flight, its failure kept as a
 * plain sentence. Actions started while busy are ignored, so a double click never sends twice.
 */
import { useCallback, useRef, useState } from 'preact/hooks';
import { describeError } from './format.js';

export interface ActionState {
  isBusy: boolean;
  error: string | null;
  run: (action: () => Promise<unknown>) => Promise<void>;
  clearError: () => void;
}

export function useAction(): ActionState {
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);

  const run = useCallback(async (action: () => Promise<unknown>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);

  const clearError = useCallback(() => setError(null), []);
  return { isBusy, error, run, clearError };
}
