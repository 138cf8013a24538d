/**
 * Splitting a person who is really two or more: their tracks (one run of a face through a shot)
 * shown as faces; the user picks the ones that are someone else. Those become one new, untagged
 * person; the rest stay this person and keep the tag.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PersonView } from '../analysis.js';
import { personLabel } from './format.js';

export interface SplitPanelProps {
  person: PersonView;
  /** A track's best face, undefined while it loads. */
  trackSrc: (track: number) => string | undefined;
  isBusy: boolean;
  onSplit: (tracks: number[]) => void;
  onCancel: () => void;
}

export function SplitPanel({ person, trackSrc, isBusy, onSplit, onCancel }: SplitPanelProps): JSX.Element {
  const [picked, setPicked] = useState<number[]>([]);
  const box = useRef<HTMLDivElement>(null);
  // The panel opens above the grid, possibly far from the card clicked: bring it into view.
  useEffect(() => box.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' }), []);
  const name = personLabel(person.id);
  const isAll = picked.length >= person.tracks.length;
  const toggle = (track: number): void => setPicked((now) => (now.includes(track) ? now.filter((t) => t !== track) : [...now, track]));
  const kept = person.tag ? ` ${name} keeps the tag.` : '';

  return (
    <div class="os-splitpanel" role="region" aria-label={`Split ${name}`} ref={box}>
      <p>
        <strong>Which faces are someone else?</strong> {name} was seen {person.tracks.length} times. Pick the faces that are not{' '}
        {name}: they become a new person to tag.{kept}
      </p>
      <ul class="os-splitpanel__faces">
        {person.tracks.map((track) => {
          const src = trackSrc(track);
          const isPicked = picked.includes(track);
          return (
            <li key={track}>
              <button
                type="button"
                class={`os-face${isPicked ? ' os-face--picked' : ''}`}
                aria-pressed={isPicked}
                data-track={track}
                disabled={isBusy}
                onClick={() => toggle(track)}
              >
                {src ? <img src={src} alt={`Face seen in track ${track}`} /> : <span class="os-face__placeholder" aria-hidden="true" />}
                <span class="os-face__label">{isPicked ? 'Someone else' : `Track ${track}`}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {isAll && <p class="os-error">Leave at least one face with {name}.</p>}
      <span class="os-splitpanel__actions">
        <button type="button" class="os-button os-button--primary" disabled={isBusy || picked.length === 0 || isAll} onClick={() => onSplit(picked)}>
          {picked.length === 0 ? 'Pick the faces of someone else' : `Move ${picked.length === 1 ? 'this face' : `these ${picked.length} faces`} to a new person`}
        </button>
        <button type="button" class="os-button" disabled={isBusy} onClick={onCancel}>
          Cancel
        </button>
      </span>
    </div>
  );
}
