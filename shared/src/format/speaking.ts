/**
 * Speaking time in one sentence, the same on every surface (CLI, report HTML, page, Slack):
 * "No speech found" said plainly when there is none (issue 14). Pure.
 */
import type { SpeakingTime } from '../report.js';
import { formatDuration } from './duration.js';
import { formatPercent } from './percent.js';

export function describeSpeaking(s: SpeakingTime): string {
  if (s.sound === 'none') return 'No speech found: the video has no sound track.';
  if (s.sound === 'no-speech') return 'No speech found in the sound.';
  if (s.total === 0) return 'No speech left: every voice heard was tagged "not speech".';
  const untagged = s.untagged.seconds > 0 ? `; ${formatDuration(s.untagged.seconds)} not tagged yet` : '';
  const shares = `women ${formatPercent(s.female.share)}, men ${formatPercent(s.male.share)}`;
  const gendered = s.femaleShareOfGendered === null ? '' : ` Of speech by women or men, women have ${formatPercent(s.femaleShareOfGendered)}.`;
  return `Speaking time: ${formatDuration(s.total)} of speech, ${shares}${untagged}.${gendered}`;
}

/** The measured case behind the warning: say it wherever a voice's suggestion is shown. */
export const VOICE_SUGGESTION_CAVEAT =
  'The suggestion is a weak cue from pitch and the sound\'s spectrum: pitch alone misleads. On our clips one woman\'s median pitch was 151 Hz while men\'s ranged from 94 to 145 Hz, so a 160 Hz threshold would call her a man. "Not speech" is suggested for held notes (music, singing), which a chanted or sung line of speech has too. Listen before you tag.';
