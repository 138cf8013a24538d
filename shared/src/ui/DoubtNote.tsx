/**
 * "Check: may be two people" (issue 12): the engine found this person's faces in two groups that
 * look less alike than one person's usually do. The thumbnail shows the two groups either side of
 * a bar; one click splits them. Shared by the tagging page and the extension's popup.
 */
import type { JSX } from 'preact';
import type { Doubt } from '../analysis.js';
import { DOUBT_TEXT } from '../format/doubt.js';

export interface DoubtNoteProps {
  doubt: Doubt;
  isBusy?: boolean;
  /** Moves the second group's tracks into a new person; omit where people cannot be split. */
  onSplit?: ((tracks: number[]) => void) | undefined;
}

export function DoubtNote({ doubt, isBusy = false, onSplit }: DoubtNoteProps): JSX.Element {
  const [first, second] = doubt.groups;
  return (
    <p class="os-doubt" role="note">
      <strong>{DOUBT_TEXT.title}</strong> {DOUBT_TEXT.explain}
      {onSplit && (
        <>
          {' '}
          <button
            type="button"
            class="os-link"
            disabled={isBusy}
            title={`Keep ${first.length} shot${first.length === 1 ? '' : 's'} here; move the other ${second.length} to a new person.`}
            onClick={() => onSplit([...second])}
          >
            Split in two
          </button>
        </>
      )}
    </p>
  );
}
