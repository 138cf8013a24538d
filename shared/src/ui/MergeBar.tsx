/** Shown while people are selected for merging: what will happen, and the buttons to do it or not. */
import type { JSX } from 'preact';
import { personLabel } from './format.js';

export interface MergeBarProps {
  selected: number[];
  isBusy: boolean;
  onMerge: () => void;
  onCancel: () => void;
}

export function MergeBar({ selected, isBusy, onMerge, onCancel }: MergeBarProps): JSX.Element | null {
  if (selected.length === 0) return null;
  const names = selected.map(personLabel);
  return (
    <div class="os-mergebar" role="region" aria-label="Merge people">
      <span>
        {selected.length < 2
          ? `${names[0]} selected. Select one more person who is the same person to merge them.`
          : `${names.join(' and ')} are the same person?`}
      </span>
      <span class="os-mergebar__actions">
        <button type="button" class="os-button os-button--primary" disabled={isBusy || selected.length < 2} onClick={onMerge}>
          Merge into one person
        </button>
        <button type="button" class="os-button" disabled={isBusy} onClick={onCancel}>
          Cancel
        </button>
      </span>
    </div>
  );
}
