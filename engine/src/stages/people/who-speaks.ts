/**
 * Who speaks when, after the tagging history (issue 14): the analysis's speech segments, moved to
 * the people as merged and split, cut where a person corrected the speaker, and each piece given
 * the group it counts for. Pure; the report's speaking time and each person's speaking seconds
 * are sums over these pieces.
 */
import type { Analysis, PersonView, SpeechSegment, Voice, VoiceTag } from '../../../../shared/src/analysis.js';
import type { Group } from '../../../../shared/src/report.js';
import type { AnalysisIndex } from '../report/analysis-index.js';
import type { SpeakerSpan, VoiceState } from './voice-edits.js';

/** What a stretch of speech counts as: a group, nobody tagged yet, or removed as "not speech". */
export type SpeechGroup = Group | 'untagged' | 'not-speech';

export interface SpeechPiece {
  start: number;
  end: number;
  /** The person seen speaking (an id after edits), or null: off screen. */
  person: number | null;
  voice: string | null;
  group: SpeechGroup;
}

/** Owner of each track after merges and splits. */
function ownersOfTracks(persons: readonly PersonView[]): Map<number, number> {
  const owner = new Map<number, number>();
  for (const person of persons) for (const track of person.tracks) owner.set(track, person.id);
  return owner;
}

/**
 * The person (after edits) an analysis cluster stands for around [start, end]: the owner of the
 * cluster's track that overlaps the span most (a split moves a track to a new person), else of its
 * first track (after a merge, the person it went into). Null when the cluster is gone.
 */
export function personOfCluster(index: AnalysisIndex, owner: ReadonlyMap<number, number>, cluster: number, start: number, end: number): number | null {
  const trackIds = index.clusters.get(cluster)?.tracks ?? [];
  let best: number | null = null;
  let bestOverlap = 0;
  for (const id of trackIds) {
    const track = index.tracks.get(id);
    if (!track) continue;
    const overlap = Math.min(end, track.end) - Math.max(start, track.start);
    if (overlap > bestOverlap && owner.has(id)) [best, bestOverlap] = [owner.get(id)!, overlap];
  }
  if (best !== null) return best;
  const first = trackIds.find((id) => owner.has(id));
  return first === undefined ? null : owner.get(first)!;
}

/** What a voice counts as: its own tag, else its linked person's tag; null when neither. */
export function voiceCounts(voice: Voice, ownTag: VoiceTag | null, person: PersonView | undefined): { counts: VoiceTag | null; from: 'voice' | 'person' | null } {
  if (ownTag) return { counts: ownTag, from: 'voice' };
  const tag = person?.tag;
  if (tag && tag !== 'not-face' && voice.person !== null) return { counts: tag, from: 'person' };
  return { counts: null, from: null };
}

export function attributeSpeech(analysis: Analysis, index: AnalysisIndex, persons: readonly PersonView[], edits: VoiceState): SpeechPiece[] {
  const owner = ownersOfTracks(persons);
  const byId = new Map(persons.map((p) => [p.id, p]));
  const voices = new Map((analysis.voices ?? []).map((v) => [v.id, v]));
  const counts = (voiceId: string | null): VoiceTag | null => {
    const voice = voiceId === null ? undefined : voices.get(voiceId);
    if (!voice) return null;
    const linked = voice.person === null ? null : personOfCluster(index, owner, voice.person, voice.firstAt, voice.firstAt + voice.seconds);
    return voiceCounts(voice, edits.tags.get(voice.id)?.tag ?? null, linked === null ? undefined : byId.get(linked)).counts;
  };
  const pieces: SpeechPiece[] = [];
  for (const segment of speechInOrder(analysis)) {
    const seen = segment.person === null ? null : personOfCluster(index, owner, segment.person, segment.start, segment.end);
    for (const piece of cutByCorrections(segment.start, segment.end, seen, edits.speakers)) {
      // Someone tagged "not a face" (a poster, a logo) does not speak: their speech is off screen.
      const found = piece.person === null ? undefined : byId.get(piece.person);
      const speaker = found?.tag === 'not-face' ? undefined : found;
      const isNotSpeech = segment.voice !== null && edits.tags.get(segment.voice)?.tag === 'not-speech';
      const group: SpeechGroup = isNotSpeech ? 'not-speech' : speaker ? groupOfTag(speaker.tag) : (counts(segment.voice) ?? 'untagged');
      pieces.push({ ...piece, person: speaker ? speaker.id : null, voice: segment.voice, group });
    }
  }
  return pieces;
}

function groupOfTag(tag: PersonView['tag']): SpeechGroup {
  return tag === null || tag === 'not-face' ? 'untagged' : tag;
}

/** The segments in time order, inside the video, with any overlap cut off (the contract says none). */
function speechInOrder(analysis: Analysis): SpeechSegment[] {
  const duration = analysis.video.duration;
  const sorted = [...(analysis.speech ?? [])].sort((a, b) => a.start - b.start);
  const out: SpeechSegment[] = [];
  let reached = 0;
  for (const s of sorted) {
    const start = Math.max(s.start, reached, 0);
    const end = Math.min(s.end, duration > 0 ? duration : s.end);
    if (end <= start) continue;
    out.push({ ...s, start, end });
    reached = end;
  }
  return out;
}

/** [start, end] cut where corrections begin and end; each part's speaker is the newest correction covering it. */
function cutByCorrections(start: number, end: number, person: number | null, corrections: readonly SpeakerSpan[]): { start: number; end: number; person: number | null }[] {
  const inside = corrections.filter((c) => c.end > start && c.start < end);
  if (inside.length === 0) return [{ start, end, person }];
  const cuts = [...new Set([start, end, ...inside.flatMap((c) => [c.start, c.end]).filter((t) => t > start && t < end)])].sort((a, b) => a - b);
  const parts: { start: number; end: number; person: number | null }[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const [a, b] = [cuts[i]!, cuts[i + 1]!];
    const middle = (a + b) / 2;
    const newest = inside.findLast((c) => c.start <= middle && c.end >= middle);
    const who = newest ? newest.person : person;
    const previous = parts.at(-1);
    if (previous && previous.person === who && previous.end === a) previous.end = b;
    else parts.push({ start: a, end: b, person: who });
  }
  return parts;
}
