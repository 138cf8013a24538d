/**
 * The people as a compact list, one line each, for the popup's small window: a face, the name,
 * the time on screen (and speaking, where speech was measured), the suggestion and the tag buttons. The same keys as the page's cards
 * (F, M, U, N tag the focused person), and ↑/↓ move between people. Merging and splitting stay
 * with the cards.
 */
import type { JSX } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
import { TAGS, type PersonView, type Tag } from '../../../shared/src/analysis.js';
import { DOUBT_TEXT } from '../../../shared/src/format/doubt.js';
import { describeSpeakingTime } from '../../../shared/src/format/speech.js';
import { COLOURS, describeSuggestion, formatClock, formatDuration, personLabel, TAG_KEYS, TAG_LABELS } from '../../../shared/src/ui/format.js';
import { sortByScreenTime } from '../../../shared/src/ui/PeopleGrid.js';
import { tagForKey } from '../../../shared/src/ui/tag-keys.js';

export interface PeopleListProps {
  people: PersonView[];
  thumbnailSrc: (person: PersonView) => string | undefined;
  isBusy: boolean;
  onTag: (person: number, tag: Tag) => void;
  onShow?: ((seconds: number) => void) | undefined;
}

/** Short labels: the list's buttons are small; the title says the whole. */
const SHORT: Record<Tag, string> = { female: 'F', male: 'M', unknown: '?', 'not-face': '✕' };

export function PeopleList({ people, thumbnailSrc, isBusy, onTag, onShow }: PeopleListProps): JSX.Element {
  const sorted = useMemo(() => sortByScreenTime(people), [people]);
  const list = useRef<HTMLUListElement>(null);
  const onKeyDown = (event: KeyboardEvent, person: PersonView): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const rows = [...(list.current?.querySelectorAll<HTMLElement>('.ext-row') ?? [])];
      const at = rows.findIndex((row) => row.dataset['person'] === String(person.id));
      rows[at + (event.key === 'ArrowDown' ? 1 : -1)]?.focus();
      event.preventDefault();
      return;
    }
    // Keys work while an edit is saving: the tag waits for it (see use-action.ts `queue`).
    const tag = tagForKey(event);
    if (tag) {
      event.preventDefault();
      onTag(person.id, tag);
    }
  };
  return (
    <ul class="ext-list" ref={list} aria-label="People in the video">
      {sorted.map((person) => {
        const name = personLabel(person.id);
        const src = thumbnailSrc(person);
        const suggestion = describeSuggestion(person.suggestion) ?? 'No suggestion (faces too unclear)';
        return (
          <li
            key={person.id}
            class={`ext-row${person.tag ? '' : ' ext-row--untagged'}`}
            data-person={person.id}
            tabIndex={0}
            aria-label={`${name}, ${formatDuration(person.seconds)} on screen${person.speakingSeconds === undefined ? '' : `, ${describeSpeakingTime(person.speakingSeconds)}`}${person.doubt ? `. ${DOUBT_TEXT.title}` : ''}`}
            onKeyDown={(event) => onKeyDown(event, person)}
          >
            <span class="ext-row__face" style={src ? { backgroundImage: `url("${src}")` } : undefined} aria-hidden="true" />
            <span class="ext-row__name">{name}</span>
            {person.doubt && (
              <span class="ext-row__doubt" title={`${DOUBT_TEXT.title} ${DOUBT_TEXT.explain} Split in Cards.`} aria-hidden="true">
                ⚠ two?
              </span>
            )}
            <span class="ext-row__time">{formatDuration(person.seconds)}</span>
            {person.speakingSeconds !== undefined && (
              <span class="ext-row__speaking os-muted" title={describeSpeakingTime(person.speakingSeconds)}>
                {person.speakingSeconds > 0 ? `speaks ${formatDuration(person.speakingSeconds)}` : ''}
              </span>
            )}
            <span class="os-dot ext-row__suggestion" title={suggestion} style={{ background: person.suggestion ? COLOURS[person.suggestion.gender] : 'transparent' }} />
            <span class="ext-row__tags" role="group" aria-label={`Tag ${name}`}>
              {TAGS.map((tag) => (
                <button
                  type="button"
                  class={`os-tag os-tag--${tag} ext-row__tag`}
                  aria-pressed={person.tag === tag}
                  aria-label={TAG_LABELS[tag]}
                  title={`${TAG_LABELS[tag]} (key ${TAG_KEYS[tag].toUpperCase()})`}
                  disabled={isBusy}
                  onClick={() => onTag(person.id, tag)}
                >
                  {SHORT[tag]}
                </button>
              ))}
            </span>
            {onShow && (
              <button type="button" class="os-link ext-row__show" disabled={isBusy} title={`Show me (${formatClock(person.showAt)})`} onClick={() => onShow(person.showAt)}>
                ▶
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
