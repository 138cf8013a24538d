/**
 * Who is heard, by voice: the speech segments (each with the person seen speaking, or none) are
 * cut where the picture cuts, described by their pitch and spectrum from one more pass over the
 * sound (16 kHz, constant memory), grouped into voices, and each voice gets a modest suggestion
 * (a gender, or "not speech" for a music-like sound) and a short sample to tag it by ear.
 *
 *   findVoices(engine, path, speech, options) → { speech (with `voice` set), voices, samples }
 *
 * `samples` are the .m4a files by their path relative to the analysis folder (`voices[].sample`).
 */
import type { SpeechSegment, Voice } from '../../../../shared/src/analysis.js';
import type { Engine } from '../engine.js';
import { FEATURE_SETTINGS, SegmentFeatureCollector } from '../../stages/voices/segment-features.js';
import { groupVoices, type VoicePiece } from '../../stages/voices/group-voices.js';
import { splitAtCuts } from '../../stages/speech/split-at-cuts.js';
import { mergeFeatures, summarize } from '../../stages/voices/voice-features.js';
import { chooseSample, type Span } from '../../stages/voices/voice-sample.js';
import { suggestVoice } from '../../stages/voices/voice-suggestion.js';

export interface FindVoicesOptions {
  /** Shot cuts, seconds, ascending (`analysis.sampling.cuts`). */
  cuts: readonly number[];
  /** A scratch folder for encoding the samples (the caller removes it). */
  scratchDir: string;
  signal?: AbortSignal;
}

export interface VoicesFound {
  /** The segments cut at shot cuts, each with its voice (or null when too short to tell). */
  speech: SpeechSegment[];
  voices: Voice[];
  samples: Map<string, Buffer>;
}

export async function findVoices(engine: Engine, path: string, speech: readonly SpeechSegment[], options: FindVoicesOptions): Promise<VoicesFound> {
  const cut = splitAtCuts(speech, options.cuts).filter((p) => p.end > p.start);
  if (cut.length === 0) return { speech: [], voices: [], samples: new Map() };
  const collector = new SegmentFeatureCollector(cut.map((p) => [p.start, p.end] as const));
  const { windows } = engine.ffmpeg.streamAudio(path, { sampleRate: FEATURE_SETTINGS.sampleRate, window: 1600, ...(options.signal ? { signal: options.signal } : {}) });
  for await (const window of windows) collector.push(window);
  const piecesOf = new Map<SpeechSegment, number>();
  for (const p of cut) piecesOf.set(p.from, (piecesOf.get(p.from) ?? 0) + 1);
  // A segment that runs across a cut has one person for two shots, who may be two speakers: its
  // person then neither joins nor separates voices (the speaking-person step should judge each
  // shot's piece apart; see splitAtCuts).
  const pieces: VoicePiece[] = cut.map((p, i) => ({ start: p.start, end: p.end, person: piecesOf.get(p.from) === 1 ? p.from.person : null, features: collector.result()[i]! }));
  const voiceOf = groupVoices(pieces, options.cuts);

  const voices: Voice[] = [];
  const clipSpans: Span[][] = [];
  const count = Math.max(-1, ...voiceOf.map((v) => v ?? -1)) + 1;
  for (let k = 0; k < count; k++) {
    const members = pieces.filter((_, i) => voiceOf[i] === k);
    const summary = summarize(members.map((m) => m.features).reduce(mergeFeatures));
    const spans = chooseSample(members.map((m) => ({ start: m.start, end: m.end, summary: summarize(m.features) })));
    const sample = spans.length > 0 ? `voices/v${k}.m4a` : null;
    if (sample) clipSpans.push(spans);
    voices.push({
      id: `v${k}`,
      seconds: round3(members.reduce((sum, m) => sum + (m.end - m.start), 0)),
      person: mostCommon(members.map((m) => m.person)),
      suggestion: suggestVoice(summary),
      pitchHz: summary.pitchHz === null ? null : Math.round(summary.pitchHz),
      firstAt: round3(members[0]!.start),
      sample,
    });
  }
  const clips = await engine.ffmpeg.encodeAudioClips(path, clipSpans, options.scratchDir, options.signal);
  const samples = new Map(voices.filter((v) => v.sample !== null).map((v, k) => [v.sample!, clips[k]!]));
  const segments = cut.map((p, i): SpeechSegment => ({ ...p.from, start: round3(p.start), end: round3(p.end), voice: voiceOf[i] === null ? null : `v${voiceOf[i]}` }));
  return { speech: segments, voices, samples };
}

/** The person most often seen speaking in the voice's pieces, or null when none is. */
function mostCommon(persons: (number | null)[]): number | null {
  const counts = new Map<number, number>();
  for (const p of persons) if (p !== null) counts.set(p, (counts.get(p) ?? 0) + 1);
  let best: number | null = null;
  for (const [p, n] of counts) if (best === null || n > counts.get(best)!) best = p;
  return best;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
