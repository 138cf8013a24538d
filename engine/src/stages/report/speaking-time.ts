/**
 * Who is heard (issue 14): speaking time by the group of whoever speaks, split into speech whose
 * speaker is seen and speech from off screen, and speech rows for the timeline. Pure sums over
 * the attributed speech pieces (stages/people/who-speaks.ts).
 */
import type { Analysis } from '../../../../shared/src/analysis.js';
import { type Group, GROUPS, type SpeakingTime, type SpeechShare, type SpeechSplit, type TimelineBin } from '../../../../shared/src/report.js';
import type { SpeechPiece } from '../people/who-speaks.js';

const SPLIT_GROUPS = [...GROUPS, 'untagged'] as const;

export function speakingTimeOf(analysis: Analysis, pieces: readonly SpeechPiece[]): SpeakingTime {
  const counted = pieces.filter((p) => p.group !== 'not-speech');
  const total = lengthOf(counted);
  const share = (seconds: number): SpeechShare => ({ seconds, share: total > 0 ? seconds / total : 0 });
  const splitOf = (subset: readonly SpeechPiece[]): SpeechSplit & { seconds: number } => ({
    seconds: lengthOf(subset),
    ...(Object.fromEntries(SPLIT_GROUPS.map((g) => [g, share(lengthOf(subset.filter((p) => p.group === g)))])) as SpeechSplit),
  });
  const all = splitOf(counted);
  const gendered = all.female.seconds + all.male.seconds;
  return {
    sound: soundStatus(analysis),
    total,
    female: all.female,
    male: all.male,
    unknown: all.unknown,
    untagged: all.untagged,
    onScreen: splitOf(counted.filter((p) => p.person !== null)),
    offScreen: splitOf(counted.filter((p) => p.person === null)),
    femaleShareOfGendered: gendered > 0 ? all.female.seconds / gendered : null,
    notSpeechSeconds: lengthOf(pieces.filter((p) => p.group === 'not-speech')),
  };
}

/** What the sound held; an analysis with speech segments but no `sound` field still has speech. */
export function soundStatus(analysis: Analysis): SpeakingTime['sound'] {
  if (analysis.sound) return analysis.sound.status;
  return (analysis.speech ?? []).length > 0 ? 'speech' : 'no-speech';
}

/**
 * Marks each bin for the groups heard in it, by the rule for being seen: a group's speech covers
 * at least half the bin, or a stretch of its speech lies wholly inside the bin (short words stay visible).
 */
export function addSpeakingToBins(bins: readonly TimelineBin[], binSeconds: number, duration: number, pieces: readonly SpeechPiece[]): TimelineBin[] {
  return bins.map((bin) => {
    const end = Math.min(duration, bin.t + binSeconds);
    const speaking = Object.fromEntries(
      GROUPS.map((group) => {
        const own = pieces.filter((p) => p.group === group && p.end > bin.t && p.start < end);
        const covered = own.reduce((sum, p) => sum + Math.min(end, p.end) - Math.max(bin.t, p.start), 0);
        const isInside = own.some((p) => p.start >= bin.t && p.end <= end);
        return [group, covered >= (end - bin.t) / 2 - 1e-9 || isInside];
      }),
    ) as Record<Group, boolean>;
    return { ...bin, speaking };
  });
}

function lengthOf(pieces: readonly SpeechPiece[]): number {
  return pieces.reduce((sum, p) => sum + (p.end - p.start), 0);
}
