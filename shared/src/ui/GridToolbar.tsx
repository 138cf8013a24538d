/** The tagging counters and the grid-wide actions: accept suggestions, undo, finish. */
import type { JSX } from 'preact';
import { countPeople, formatPercent } from './format.js';

export interface GridToolbarProps {
  tagged: number;
  total: number;
  /** Untagged people that have a suggestion to accept. */
  acceptable: number;
  isBusy: boolean;
  isFinished: boolean;
  canUndo: boolean;
  onAcceptSuggestions: () => void;
  onUndo: () => void;
  onFinish?: (() => void) | undefined;
}

export function GridToolbar(props: GridToolbarProps): JSX.Element {
  const { tagged, total, isBusy } = props;
  const left = total - tagged;
  return (
    <div class="os-toolbar">
      <div class="os-counter">
        <strong>
          {tagged} of {countPeople(total)} tagged
        </strong>
        <div
          class="os-meter"
          role="progressbar"
          aria-label="People tagged"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={tagged}
        >
          <div class="os-meter__fill" style={{ width: formatPercent(total > 0 ? tagged / total : 0) }} />
        </div>
        <span class="os-muted">{left === 0 ? 'Everyone is tagged.' : `${countPeople(left)} left to tag.`}</span>
      </div>
      <div class="os-toolbar__actions">
        <button type="button" class="os-button" disabled={isBusy || props.acceptable === 0} onClick={props.onAcceptSuggestions}>
          {props.acceptable > 0 ? `Accept all suggestions (${props.acceptable})` : 'Accept all suggestions'}
        </button>
        <button type="button" class="os-button" disabled={isBusy || !props.canUndo} onClick={props.onUndo}>
          Undo last change
        </button>
        {props.onFinish && (
          <button
            type="button"
            class="os-button os-button--primary"
            disabled={isBusy || left > 0}
            title={left > 0 ? 'Tag every person (or accept the suggestions) to finish.' : 'Mark tagging as done; the report becomes final.'}
            onClick={props.onFinish}
          >
            {props.isFinished ? 'Finished ✓' : 'Finish tagging'}
          </button>
        )}
      </div>
    </div>
  );
}
