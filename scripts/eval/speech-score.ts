/**
 * Scores an analysis's speech against the speaking-time benchmark's truth (../shared/eval/heard):
 * speech found, and who it was given to. People are matched to truth identities as on the other
 * benchmarks (bench-truth.ts: each face to the listed person whose place holds it, each cluster to
 * its faces' majority identity). Pure.
 */
import type { Analysis } from '../../shared/src/analysis.js';
import { overlapSeconds, totalSeconds, type Segment } from '../../engine/src/stages/speech/speech-segments.js';
import { matchFaces, type BenchTruth } from './bench-truth.js';

interface HeardPerson {
  identity: string;
  gender: 'F' | 'M';
  position: 'full' | 'left' | 'right' | null;
}

export interface HeardTruth {
  duration_s: number;
  shots: { kind: string; start_s: number; end_s: number; visible: HeardPerson[]; audio: (HeardPerson & { on_screen: boolean; speech: Segment[] }) | null }[];
}

export interface SpeechFigures {
  trueSeconds: number;
  foundSeconds: number;
  recall: number;
  precision: number;
  /** Seconds of on-screen speakers' speech given to them, to someone else, and to nobody seen. */
  seen: { seconds: number; right: number; wrong: number; offScreen: number };
  /** Seconds of voice-over speech, and how many of them were credited to a face. */
  voiceOver: { seconds: number; creditedToFace: number };
  /** Seconds of speech in two-shots, and how many went to the silent listener. */
  twoShot: { seconds: number; toListener: number; toSpeaker: number };
}

export function scoreSpeech(analysis: Analysis, truth: HeardTruth): SpeechFigures {
  const identityOf = clusterIdentities(analysis, truth);
  const trueSpeech = truth.shots.flatMap((s) => s.audio?.speech ?? []).sort((a, b) => a[0] - b[0]);
  const found = (analysis.speech ?? []).map((p): Segment => [p.start, p.end]);
  const shared = overlapSeconds(found, trueSpeech);
  const figures: SpeechFigures = {
    trueSeconds: totalSeconds(trueSpeech),
    foundSeconds: totalSeconds(found),
    recall: trueSpeech.length ? shared / totalSeconds(trueSpeech) : 1,
    precision: found.length ? shared / totalSeconds(found) : 1,
    seen: { seconds: 0, right: 0, wrong: 0, offScreen: 0 },
    voiceOver: { seconds: 0, creditedToFace: 0 },
    twoShot: { seconds: 0, toListener: 0, toSpeaker: 0 },
  };
  for (const shot of truth.shots) {
    const audio = shot.audio;
    if (!audio) continue;
    const listeners = new Set(shot.visible.filter((v) => v.identity !== audio.identity).map((v) => v.identity));
    for (const piece of analysis.speech ?? []) {
      const seconds = overlapSeconds([[piece.start, piece.end]], audio.speech);
      if (seconds <= 0) continue;
      const given = piece.person === null ? null : (identityOf.get(piece.person) ?? '?');
      if (!audio.on_screen) {
        figures.voiceOver.seconds += seconds;
        if (given !== null) figures.voiceOver.creditedToFace += seconds;
        continue;
      }
      figures.seen.seconds += seconds;
      if (given === null) figures.seen.offScreen += seconds;
      else if (given === audio.identity) figures.seen.right += seconds;
      else figures.seen.wrong += seconds;
      if (shot.kind !== 'split') continue;
      figures.twoShot.seconds += seconds;
      if (given !== null && listeners.has(given)) figures.twoShot.toListener += seconds;
      if (given === audio.identity) figures.twoShot.toSpeaker += seconds;
    }
  }
  return figures;
}

/** Each cluster's majority identity among its matched faces. */
export function clusterIdentities(analysis: Analysis, truth: HeardTruth): Map<number, string> {
  const matches = matchFaces(analysis, asBenchTruth(truth, analysis.video.width, analysis.video.height));
  const counts = new Map<number, Map<string, number>>();
  for (const match of matches) {
    const cluster = analysis.faces[match.face]!.cluster;
    if (cluster === null || !match.identity || match.identity === 'FALSE') continue;
    const byIdentity = counts.get(cluster) ?? new Map<string, number>();
    byIdentity.set(match.identity, (byIdentity.get(match.identity) ?? 0) + 1);
    counts.set(cluster, byIdentity);
  }
  return new Map([...counts].map(([cluster, byIdentity]) => [cluster, [...byIdentity].sort((a, b) => b[1] - a[1])[0]![0]]));
}

/** The heard truth in the broadcast benchmarks' shape: a person's place is the frame, or its left or right half. */
function asBenchTruth(truth: HeardTruth, width: number, height: number): BenchTruth {
  const rectOf = (position: HeardPerson['position']): [number, number, number, number] =>
    position === 'left' ? [0, 0, width / 2, height] : position === 'right' ? [width / 2, 0, width / 2, height] : [0, 0, width, height];
  return {
    width,
    height,
    duration_s: truth.duration_s,
    shots: truth.shots.map((s) => ({ start_s: s.start_s, end_s: s.end_s, people: s.visible.map((v) => ({ identity: v.identity, gender: v.gender, rect: rectOf(v.position) })) })),
    union: { any_woman_visible_s: 0, any_man_visible_s: 0 },
  };
}
