/**
 * Runs one request at a time for a view: busy while it is in flight, its failure kept as a
 * plain sentence. Actions started while busy are ignored, so a double click never sends twice;
 * actions started with `queue` (a tag typed with its key while the last one is still saving) wait
 * for the ones before instead, so a person tagging with the keyboard loses no key.
 */
import { useCallback, useRef, useState } from 'preact/hooks';
import { describeError } from './format.js';

export interface RunOptions {
  /** Wait for the actions in flight instead of being ignored. */
  queue?: boolean;
}

export interface ActionState {
  isBusy: boolean;
  error: string | null;
  run: (action: () => Promise<unknown>, options?: RunOptions) => Promise<void>;
  clearError: () => void;
}

export function useAction(): ActionState {
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const runner = useRef<ActionRunner | null>(null);
  runner.current ??= createActionRunner({ onBusy: setBusy, onError: setError });
  const run = useCallback((action: () => Promise<unknown>, options?: RunOptions) => runner.current!.run(action, options), []);
  const clearError = useCallback(() => setError(null), []);
  return { isBusy, error, run, clearError };
}

export interface ActionRunner {
  run(action: () => Promise<unknown>, options?: RunOptions): Promise<void>;
}

/** The queue behind `useAction`, apart from preact: `onBusy` when it starts and drains, `onError` per action (null when one starts). */
export function createActionRunner(listeners: { onBusy: (isBusy: boolean) => void; onError: (error: string | null) => void }): ActionRunner {
  let tail: Promise<void> | null = null;
  const execute = async (action: () => Promise<unknown>): Promise<void> => {
    listeners.onError(null);
    try {
      await action();
    } catch (failure) {
      listeners.onError(describeError(failure));
    }
  };
  return {
    async run(action, options = {}) {
      if (tail && !options.queue) return;
      if (!tail) listeners.onBusy(true);
      const mine: Promise<void> = (tail ?? Promise.resolve()).then(() => execute(action));
      tail = mine;
      await mine;
      if (tail === mine) {
        tail = null;
        listeners.onBusy(false);
      }
    },
  };
}
