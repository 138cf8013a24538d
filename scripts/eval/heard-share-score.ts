/**
 * The women's share of speech on ../shared/eval/heard/dev as a person would measure it: tags put
 * on the people and voices, then the engine's own report (buildReport → speakingTime). Twice:
 *   - tagged from the truth: each cluster with the gender of its matched identity (speech-score.ts's
 *     matching), each voice with the gender of the truth speaker heard in most of its seconds;
 *   - suggestions accepted: people by their face suggestion, voices by their voice suggestion
 *     (untagged where there is none).
 * Compared with the truth's women's share of gendered speech. Pure.
 */
import type { Analysis, Edit } from '../../shared/src/analysis.js';
import { buildReport } from '../../engine/src/stages/report/build-report.js';
import { overlapSeconds, totalSeconds } from '../../engine/src/stages/speech/speech-segments.js';
import { clusterIdentities, type HeardTruth } from './speech-score.js';

export interface MeasuredShare {
  /** The report's women's share of gendered speech (0..1), null when no gendered speech. */
  femaleShare: number | null;
  /** Seconds of speech counted for nobody (untagged person or voice). */
  untaggedSeconds: number;
  totalSeconds: number;
}

export interface HeardShareFigures {
  /** The truth's women's share of gendered speech (0..1), null when none. */
  truthShare: number | null;
  fromTruth: MeasuredShare;
  suggestionsAccepted: MeasuredShare;
}

const EVAL_ACTOR = { by: 'eval', at: '2026-01-01T00:00:00.000Z' } as const;

export function scoreHeardShare(analysis: Analysis, truth: HeardTruth): HeardShareFigures {
  return {
    truthShare: truthFemaleShare(truth),
    fromTruth: measured(analysis, truthEdits(analysis, truth)),
    suggestionsAccepted: measured(analysis, suggestionEdits(analysis)),
  };
}

function truthFemaleShare(truth: HeardTruth): number | null {
  const seconds = { F: 0, M: 0 };
  for (const shot of truth.shots) if (shot.audio) seconds[shot.audio.gender] += totalSeconds(shot.audio.speech);
  const gendered = seconds.F + seconds.M;
  return gendered > 0 ? seconds.F / gendered : null;
}

/** Tags as someone who knows the truth would put them. */
export function truthEdits(analysis: Analysis, truth: HeardTruth): Edit[] {
  const genderOf = new Map(truth.shots.flatMap((s) => [...s.visible, ...(s.audio ? [s.audio] : [])]).map((p) => [p.identity, p.gender]));
  const tagOf = (gender: 'F' | 'M' | undefined) => (gender === 'F' ? 'female' : gender === 'M' ? 'male' : null);
  const edits: Edit[] = [];
  for (const [cluster, identity] of clusterIdentities(analysis, truth)) {
    const tag = tagOf(genderOf.get(identity));
    if (tag) edits.push({ kind: 'tag', cluster, tag, ...EVAL_ACTOR });
  }
  for (const [voice, identity] of voiceSpeakers(analysis, truth)) {
    const tag = tagOf(genderOf.get(identity));
    if (tag) edits.push({ kind: 'tag-voice', voice, tag, ...EVAL_ACTOR });
  }
  return edits;
}

/** Each voice's main truth speaker: the identity whose speech covers most of the voice's seconds. */
function voiceSpeakers(analysis: Analysis, truth: HeardTruth): Map<string, string> {
  const seconds = new Map<string, Map<string, number>>();
  for (const piece of analysis.speech ?? []) {
    if (piece.voice === null) continue;
    const own = seconds.get(piece.voice) ?? new Map<string, number>();
    for (const shot of truth.shots) {
      if (!shot.audio) continue;
      const heard = overlapSeconds([[piece.start, piece.end]], shot.audio.speech);
      if (heard > 0) own.set(shot.audio.identity, (own.get(shot.audio.identity) ?? 0) + heard);
    }
    seconds.set(piece.voice, own);
  }
  const main = new Map<string, string>();
  for (const [voice, own] of seconds) {
    const best = [...own].sort((a, b) => b[1] - a[1])[0];
    if (best) main.set(voice, best[0]);
  }
  return main;
}

/** "Accept suggestions" on every person, and each voice tagged as its suggestion says. */
export function suggestionEdits(analysis: Analysis): Edit[] {
  const edits: Edit[] = [{ kind: 'accept-suggestions', clusters: analysis.clusters.map((c) => c.id), ...EVAL_ACTOR }];
  for (const voice of analysis.voices ?? []) {
    if (voice.suggestion) edits.push({ kind: 'tag-voice', voice: voice.id, tag: voice.suggestion.gender, ...EVAL_ACTOR });
  }
  return edits;
}

function measured(analysis: Analysis, edits: Edit[]): MeasuredShare {
  const speaking = buildReport(analysis, edits, new Date(0)).speakingTime;
  if (!speaking) return { femaleShare: null, untaggedSeconds: 0, totalSeconds: 0 };
  return { femaleShare: speaking.femaleShareOfGendered, untaggedSeconds: speaking.untagged.seconds, totalSeconds: speaking.total };
}
