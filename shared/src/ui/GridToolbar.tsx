/**
 * The tagging counters and the grid-wide actions: accept suggestions, undo, redo, finish. The
 * history is shared by everyone tagging the video, so undo and redo say what they would do and
 * whose change it is ("Undo: Alice tagged Person 3 female").
 */
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
  /** What undo would take back, when known. */
  undoLabel?: string | undefined;
  /** What redo would bring back: null when there is nothing to redo; undefined hides redo. */
  redoLabel?: string | null | undefined;
  onAcceptSuggestions: () => void;
  onUndo: () => void;
  onRedo?: (() => void) | undefined;
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
        <button type="button" class="os-button os-button--history" disabled={isBusy || !props.canUndo} onClick={props.onUndo}>
          {props.undoLabel ? `Undo: ${props.undoLabel}` : props.canUndo ? 'Undo last change' : 'Nothing to undo'}
        </button>
        {props.onRedo && props.redoLabel !== undefined && (
          <button type="button" class="os-button os-button--history" disabled={isBusy || props.redoLabel === null} onClick={props.onRedo}>
            {props.redoLabel ? `Redo: ${props.redoLabel}` : 'Redo'}
          </button>
        )}
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
