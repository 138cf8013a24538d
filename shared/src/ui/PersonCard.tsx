/**
 * One person found in the video: their faces, the classifier's suggestion, and big tag buttons.
 * Knows nothing of URLs or tokens: the thumbnail's src and every action come in as props.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { TAGS, type PersonView, type Tag } from '../analysis.js';
import { describeSpeakingTime } from '../format/speech.js';
import { DoubtNote } from './DoubtNote.js';
import { describeActor } from '../actor.js';
import {
  COLOURS,
  colourOf,
  describeSuggestion,
  describeTagOrigin,
  formatClock,
  formatDuration,
  formatPercent,
  personLabel,
  TAG_KEYS,
  TAG_LABELS,
} from './format.js';
import { tagForKey } from './tag-keys.js';

export interface PersonCardProps {
  person: PersonView;
  /** The thumbnail's URL (an object URL, data URL or plain URL); undefined while it loads. */
  thumbnailSrc?: string | undefined;
  /** The video's duration, to show this person's share of it. */
  videoSeconds?: number | undefined;
  /** Disables every button (a request is in flight). */
  isBusy?: boolean;
  isSelected?: boolean;
  /** Whether more people may be selected for merging (when false, only deselecting is possible). */
  canSelect?: boolean;
  onTag: (tag: Tag) => void;
  onToggleSelect?: ((isSelected: boolean) => void) | undefined;
  /** Splits the person: into one person per track, or, given tracks, those tracks into a new person. */
  onSplit?: ((tracks?: number[]) => void) | undefined;
  /** Saves a name for this person; omit where names cannot be given. */
  onName?: ((name: string) => void) | undefined;
  /** "Not them": the person recognised from the library is someone else. */
  onNotThem?: (() => void) | undefined;
  /** The split button's title (default: it splits into one person per track). */
  splitHint?: string | undefined;
  /** "Show me": e.g. seek the video player to `seconds`. Omit where there is no player. */
  onShow?: ((seconds: number) => void) | undefined;
}

function NameField(props: { name: string | null; label: string; isBusy: boolean; onName: (name: string) => void }): JSX.Element {
  const onSubmit = (event: Event): void => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('name') as HTMLInputElement;
    if (input.value.trim() !== (props.name ?? '')) props.onName(input.value);
  };
  return (
    <form class="os-card__name" onSubmit={onSubmit}>
      <input name="name" type="text" maxLength={120} placeholder="Name (optional)" defaultValue={props.name ?? ''} aria-label={`Name of ${props.label}`} disabled={props.isBusy} />
      <button type="submit" class="os-link" disabled={props.isBusy}>
        Save name
      </button>
    </form>
  );
}

export function PersonCard(props: PersonCardProps): JSX.Element {
  const { person, isBusy = false, isSelected = false, canSelect = true } = props;
  const name = person.name ? `${person.name} (${personLabel(person.id)})` : personLabel(person.id);
  const suggestion = describeSuggestion(person.suggestion);
  const share = props.videoSeconds ? ` (${formatPercent(person.seconds / props.videoSeconds)})` : '';
  const tagColour = person.tag ? colourOf(person.tag) : 'transparent';

  // Keys work while an edit is saving: the tag waits for it (see use-action.ts `queue`).
  const onKeyDown = (event: KeyboardEvent): void => {
    const tag = tagForKey(event);
    if (tag) {
      event.preventDefault();
      props.onTag(tag);
    }
  };

  return (
    <article
      class={`os-card${person.tag ? ' os-card--tagged' : ' os-card--untagged'}${isSelected ? ' os-card--selected' : ''}`}
      style={{ '--os-tag-colour': tagColour }}
      aria-label={name}
      data-person={person.id}
      onKeyDown={onKeyDown}
    >
      <div class="os-card__thumb">
        {props.thumbnailSrc ? (
          <img src={props.thumbnailSrc} alt={`Faces of ${name}`} loading="lazy" />
        ) : (
          <span class="os-card__thumb-placeholder" aria-hidden="true" />
        )}
      </div>
      <div class="os-card__body">
        <header class="os-card__head">
          <h3 class="os-card__name">{name}</h3>
          <span class="os-card__time">
            {formatDuration(person.seconds)} on screen{share}
            {person.speakingSeconds !== undefined && `, ${describeSpeakingTime(person.speakingSeconds)}`}
          </span>
        </header>
        <p class="os-card__suggestion">
          {suggestion ? (
            <>
              <span class="os-dot" style={{ background: COLOURS[person.suggestion?.gender ?? 'female'] }} aria-hidden="true" />
              {suggestion}
            </>
          ) : (
            'No suggestion (faces too unclear)'
          )}
        </p>
        <div class="os-tags" role="group" aria-label={`Tag ${name}`}>
          {TAGS.map((tag) => (
            <button
              type="button"
              class={`os-tag os-tag--${tag}`}
              aria-pressed={person.tag === tag}
              disabled={isBusy}
              title={`${TAG_LABELS[tag]} (key ${TAG_KEYS[tag].toUpperCase()})`}
              onClick={() => props.onTag(tag)}
            >
              {person.tag === tag && (
                <span class="os-tag__check" aria-hidden="true">
                  ✓{' '}
                </span>
              )}
              {TAG_LABELS[tag]}
            </button>
          ))}
        </div>
        <p class="os-card__origin">{describeTagOrigin(person.tag, person.tagOrigin, person.taggedBy && describeActor({ by: person.taggedBy, onBehalfOf: person.taggedOnBehalfOf }), person.known)}</p>
        {person.doubt && <DoubtNote doubt={person.doubt} isBusy={isBusy} onSplit={props.onSplit && ((tracks) => props.onSplit?.(tracks))} />}
        {props.onNotThem && person.known && person.tagOrigin === 'library' && (
          <p class="os-card__known">
            Right? Confirm or correct with a tag button, or{' '}
            <button type="button" class="os-link" disabled={isBusy} onClick={() => props.onNotThem?.()}>
              not them
            </button>
          </p>
        )}
        {props.onName && <NameField name={person.name} label={name} isBusy={isBusy} onName={props.onName} />}
        <footer class="os-card__actions">
          {props.onShow && <ShowMe person={person} isBusy={isBusy} onShow={props.onShow} />}
          {props.onSplit && person.tracks.length > 1 && (
            <button
              type="button"
              class="os-link"
              disabled={isBusy}
              title={props.splitHint ?? `Not all the same person? Split into ${person.tracks.length} separate people.`}
              onClick={() => props.onSplit?.()}
            >
              Not the same person? Split
            </button>
          )}
          {props.onToggleSelect && (
            <label class="os-select">
              <input
                type="checkbox"
                checked={isSelected}
                disabled={isBusy || (!isSelected && !canSelect)}
                onChange={(event) => props.onToggleSelect?.((event.currentTarget as HTMLInputElement).checked)}
              />
              Select to merge
            </label>
          )}
        </footer>
      </div>
    </article>
  );
}

/**
 * "Show me": first the person's best face, then each of their other appearances in time order
 * (one per track), then the best face again.
 */
function ShowMe({ person, isBusy, onShow }: { person: PersonView; isBusy: boolean; onShow: (seconds: number) => void }): JSX.Element {
  const stops = [person.showAt, ...(person.appearances ?? []).filter((t) => Math.abs(t - person.showAt) > 0.5)];
  const [next, setNext] = useState(0);
  const at = stops[next % stops.length] ?? person.showAt;
  const label = next === 0 ? `Show me (${formatClock(at)})` : `Next appearance (${formatClock(at)})`;
  return (
    <button
      type="button"
      class="os-link"
      disabled={isBusy}
      title={stops.length > 1 ? `Seen ${stops.length} times: each click shows the next.` : undefined}
      onClick={() => {
        onShow(at);
        setNext((n) => (n + 1) % stops.length);
      }}
    >
      {label}
    </button>
  );
}
