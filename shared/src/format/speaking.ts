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
