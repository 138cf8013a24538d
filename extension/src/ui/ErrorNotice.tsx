/** An error in the popup or options page: what happened, what to do, and the button that does it. */
import type { JSX } from 'preact';
import type { ErrorDisplay } from '../errors.js';

export interface ErrorNoticeProps {
  error: ErrorDisplay;
  onOpenOptions?: (() => void) | undefined;
  onRetry?: (() => void) | undefined;
  onDismiss?: (() => void) | undefined;
}

export function ErrorNotice({ error, onOpenOptions, onRetry, onDismiss }: ErrorNoticeProps): JSX.Element {
  return (
    <div class="os-error ext-error" role="alert">
      <div>
        <strong>{error.title}</strong>
        <p>{error.advice}</p>
      </div>
      <div class="ext-error__actions">
        {error.action === 'options' && onOpenOptions && (
          <button type="button" class="os-button" onClick={onOpenOptions}>
            Open options
          </button>
        )}
        {error.action === 'retry' && onRetry && (
          <button type="button" class="os-button" onClick={onRetry}>
            Try again
          </button>
        )}
        {onDismiss && (
          <button type="button" class="os-link" onClick={onDismiss}>
            Dismiss
          </button>
        )}
      </div>
    </div>
  );
}
