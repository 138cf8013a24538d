/**
 * The button beside YouTube's like/share actions, and the bubble under it that explains an error.
 * Rendered inside a shadow root, so YouTube's styles and ours never meet (its theme variables
 * still reach in, so the button follows light and dark mode).
 */
import type { JSX } from 'preact';
import { COLOURS } from '../../../shared/src/palette.js';
import type { ErrorDisplay } from '../errors.js';
import type { ButtonView } from './button-state.js';

export interface AnalyzeButtonProps {
  view: ButtonView;
  error: ErrorDisplay | null;
  onClick: () => void;
  onOpenOptions: () => void;
  onDismissError: () => void;
}

export function AnalyzeButton({ view, error, onClick, onOpenOptions, onDismissError }: AnalyzeButtonProps): JSX.Element {
  const fill = view.percent === null ? undefined : { '--os-fill': `${view.percent}%` };
  return (
    <div class="os-wrap">
      <button
        type="button"
        class={`os-analyze os-analyze--${view.tone}`}
        disabled={view.isDisabled}
        title={view.title}
        aria-label={`${view.label}. ${view.title}`}
        data-action={view.action}
        style={fill}
        onClick={onClick}
      >
        <svg class="os-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <rect x="3" y="6" width="11" height="5" rx="1.5" fill={COLOURS.female} />
          <rect x="3" y="13" width="18" height="5" rx="1.5" fill={COLOURS.male} />
        </svg>
        <span class="os-label">{view.label}</span>
      </button>
      {error && (
        <div class="os-bubble" role="alert">
          <button type="button" class="os-close" aria-label="Dismiss" onClick={onDismissError}>
            ×
          </button>
          <strong>{error.title}</strong>
          <p>{error.advice}</p>
          {error.action === 'options' && (
            <button type="button" class="os-bubble-action" onClick={onOpenOptions}>
              Open onscreen options
            </button>
          )}
        </div>
      )}
    </div>
  );
}

export const ANALYZE_BUTTON_CSS = `
:host { display: inline-flex; flex: none; align-items: center; margin-right: 8px; position: relative; font-family: Roboto, Arial, sans-serif; }
.os-wrap { position: relative; display: inline-flex; }
.os-analyze {
  display: inline-flex; align-items: center; gap: 6px; height: 36px; padding: 0 16px 0 12px; border: 0; border-radius: 18px;
  font: 500 14px/36px Roboto, Arial, sans-serif; white-space: nowrap; cursor: pointer;
  color: var(--yt-spec-text-primary, #0f0f0f);
  background: var(--yt-spec-badge-chip-background, rgba(0, 0, 0, 0.05));
}
.os-analyze:hover:not(:disabled) { background-color: var(--yt-spec-button-chip-background-hover, rgba(0, 0, 0, 0.1)); }
.os-analyze:focus-visible { outline: 2px solid #065fd4; outline-offset: 2px; }
.os-analyze:disabled { cursor: not-allowed; opacity: 0.6; }
.os-analyze--busy {
  /* The progress as a fill: an image over the (hover-able) colour, so hovering never hides it. */
  background-image: linear-gradient(90deg, rgba(93, 58, 155, 0.3) var(--os-fill, 0%), transparent var(--os-fill, 0%));
}
.os-analyze--ready { background: ${COLOURS.male}; color: #fff; }
.os-analyze--ready:hover:not(:disabled) { background: #4a2e7c; }
.os-analyze--failed { color: #b3261e; }
.os-icon { flex: none; }
.os-analyze--ready .os-icon rect { fill: #fff; }
.os-bubble {
  position: absolute; top: 44px; left: 0; z-index: 2300; width: 300px; padding: 12px 32px 12px 14px; border-radius: 10px;
  background: #fff; color: #0f0f0f; box-shadow: 0 4px 24px rgba(0, 0, 0, 0.25); font: 400 13px/1.45 Roboto, Arial, sans-serif;
  border-left: 4px solid #b3261e;
}
.os-bubble strong { display: block; font-weight: 500; font-size: 14px; margin-bottom: 4px; }
.os-bubble p { margin: 0; }
.os-close { position: absolute; top: 6px; right: 8px; border: 0; background: none; font-size: 18px; line-height: 1; cursor: pointer; color: #606060; }
.os-bubble-action { margin-top: 8px; padding: 6px 12px; border: 0; border-radius: 16px; background: #065fd4; color: #fff; font: 500 13px Roboto, Arial, sans-serif; cursor: pointer; }
`;
