/** A failed action's sentence, with a way to dismiss it; nothing when there is none. */
import type { JSX } from 'preact';

export function ActionError({ error, onDismiss }: { error: string | null; onDismiss: () => void }): JSX.Element | null {
  if (!error) return null;
  return (
    <div class="os-error" role="alert">
      <span>{error}</span>
      <button type="button" class="os-link" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
