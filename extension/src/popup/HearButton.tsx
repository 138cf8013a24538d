/** "Hear" a voice (issue 14): seeks the YouTube player to the voice's first words, by the "show me" path. */
import type { JSX } from 'preact';
import type { VoiceView } from '../../../shared/src/analysis.js';
import { formatClock } from '../../../shared/src/format/clock.js';

export function HearButton({ voice, onSeek }: { voice: VoiceView; onSeek: ((seconds: number) => void) | undefined }): JSX.Element {
  return (
    <button
      type="button"
      class="os-button ext-hear"
      disabled={!onSeek}
      aria-label={`Hear voice ${voice.id}: play the video from ${formatClock(voice.firstAt)}`}
      onClick={() => onSeek?.(voice.firstAt)}
    >
      Hear
    </button>
  );
}
