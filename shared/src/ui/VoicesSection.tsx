/**
 * The voices heard (issue 14): for each, a way to hear it (the page plays its sample; the popup
 * seeks the video), what it is linked to, the weak suggestion with its confidence and why it is
 * weak, and tag buttons. A voice linked to a person follows that person's tag unless tagged here.
 */
import type { JSX } from 'preact';
import { type VoiceTag, type VoiceView, VOICE_TAGS } from '../analysis.js';
import { formatClock } from '../format/clock.js';
import { formatDuration } from '../format/duration.js';
import { VOICE_SUGGESTION_CAVEAT } from '../format/speaking.js';
import { describeVoiceSuggestion } from '../format/speech.js';
import { personLabel } from './format.js';

export const VOICE_TAG_LABELS: Record<VoiceTag, string> = { female: 'Female', male: 'Male', unknown: 'Unknown', 'not-speech': 'Not speech' };

/** With no voice: no speech at all, or only pieces too short to tell a voice from. */
export const NO_VOICES = 'No voice to tag: no speech long enough to tell a voice from.';

export interface VoicesSectionProps {
  voices: readonly VoiceView[];
  /** The control to hear a voice (a play button, a seek). */
  hear: (voice: VoiceView) => JSX.Element;
  onTag?: (voice: string, tag: VoiceTag) => void;
  isBusy?: boolean;
}

export function VoicesSection({ voices, hear, onTag, isBusy = false }: VoicesSectionProps): JSX.Element {
  return (
    <section class="os-voices" aria-labelledby="os-voices-title">
      <h3 id="os-voices-title">Voices</h3>
      {voices.length === 0 ? (
        // "Who speaks" says whether any speech was found; speech can be found with no voice in it
        // (pieces too short to tell a voice from), so this line claims only what it knows.
        <p class="os-muted">{NO_VOICES}</p>
      ) : (
        <>
          <p class="os-muted os-voices__caveat">{VOICE_SUGGESTION_CAVEAT}</p>
          <ul class="os-voices__list">
            {voices.map((voice) => (
              <VoiceRow key={voice.id} voice={voice} hear={hear} onTag={onTag} isBusy={isBusy} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function VoiceRow({ voice, hear, onTag, isBusy }: { voice: VoiceView } & Omit<VoicesSectionProps, 'voices'>): JSX.Element {
  const linked = voice.person === null ? 'heard off screen' : `seen speaking as ${personLabel(voice.person)}`;
  const counts = voice.counts === null ? 'Not tagged yet' : `Counts as ${VOICE_TAG_LABELS[voice.counts].toLowerCase()}${voice.countsFrom === 'person' ? ` (from ${personLabel(voice.person ?? 0)})` : ''}`;
  return (
    <li class="os-voice" data-voice={voice.id}>
      <div class="os-voice__head">
        {hear(voice)}
        <strong>Voice {voice.id}</strong>
        <span class="os-muted">
          {formatDuration(voice.seconds)} of speech, first at {formatClock(voice.firstAt)}, {linked}
        </span>
      </div>
      <p class="os-voice__suggestion">{describeVoiceSuggestion(voice.suggestion)}</p>
      {onTag && (
        <div class="os-tags" role="group" aria-label={`Tag voice ${voice.id}`}>
          {VOICE_TAGS.map((tag) => (
            <button type="button" class={`os-tag os-tag--${tag}`} aria-pressed={voice.tag === tag} disabled={isBusy} onClick={() => onTag(voice.id, tag)}>
              {VOICE_TAG_LABELS[tag]}
            </button>
          ))}
        </div>
      )}
      <p class="os-card__origin">{counts}</p>
    </li>
  );
}
