/**
 * Speech the mouths alone left to nobody seen, named by its voice. The mouth signal is weak (ten
 * pictures a second against syllables three to five times a second), so the speaking-person step
 * names only clear cases. The voices step then links a voice to the person seen speaking with it
 * (clear cases only, so strong evidence). A piece of that voice, left to nobody, is given to that
 * person when all of these hold:
 *   - the person is on screen during the piece and their mouth moves (a face in a still photo was
 *     never watched, so it is never a candidate);
 *   - their mouth does not clearly move against the voice (correlation at least `minOwnCorrelation`);
 *   - no other face's mouth moves with the voice (every other moving face's correlation is below
 *     `maxOtherCorrelation`): a listener who seems to follow the sound leaves the piece to nobody.
 * A voice over someone else's picture is untouched (its person is not on screen), and a piece
 * already named keeps its person. Pure.
 */

/** A face watched during a piece of speech (its mouth moved), and how well its mouth followed the sound. */
export interface MouthCandidate {
  /** The cluster the face belongs to; null for a track set aside. */
  person: number | null;
  /** -1..1: the mouth opening's correlation with the loudness (see speaker-attribution.ts). */
  correlation: number;
}

/** The faces judged over a stretch of speech (the stretch the speaking-person step judged). */
export interface PieceMouths {
  start: number;
  end: number;
  candidates: MouthCandidate[];
}

export interface VoiceNamingSettings {
  /** The voice's person must not be seen moving their mouth against the sound. */
  minOwnCorrelation: number;
  /** Any other face following the sound this well leaves the piece to nobody (the lone-face threshold of speaker-attribution.ts). */
  maxOtherCorrelation: number;
}

/**
 * The voice is the evidence here; the mouth only has to be plausibly speaking: on heard/dev the
 * true speakers' 4 s judgements ran from -0.2 to 0.7, and chance over 30-40 measurements reaches ±0.2.
 */
export const VOICE_NAMING_SETTINGS: VoiceNamingSettings = { minOwnCorrelation: -0.2, maxOtherCorrelation: 0.25 };

export interface NamedPiece {
  start: number;
  end: number;
  voice: string | null;
  person: number | null;
  confidence: number | null;
}

/**
 * `voicePerson`: each voice's linked person (null when only heard off screen). `mouths`: the
 * judged stretches, in time order; a piece takes the one it overlaps most.
 */
export function nameByVoice<T extends NamedPiece>(pieces: readonly T[], voicePerson: ReadonlyMap<string, number | null>, mouths: readonly PieceMouths[], settings: VoiceNamingSettings = VOICE_NAMING_SETTINGS): T[] {
  return pieces.map((piece) => {
    if (piece.person !== null || piece.voice === null) return piece;
    const person = voicePerson.get(piece.voice) ?? null;
    const judged = person === null ? undefined : mostOverlapping(mouths, piece.start, piece.end);
    if (person === null || !judged) return piece;
    const own = judged.candidates.filter((c) => c.person === person);
    const others = judged.candidates.filter((c) => c.person !== person);
    const best = Math.max(...own.map((c) => c.correlation));
    const isNamed = own.length > 0 && best >= settings.minOwnCorrelation && others.every((c) => c.correlation < settings.maxOtherCorrelation);
    return isNamed ? { ...piece, person, confidence: Math.round(Math.min(1, Math.max(0, best)) * 1000) / 1000 } : piece;
  });
}

function mostOverlapping(mouths: readonly PieceMouths[], start: number, end: number): PieceMouths | undefined {
  let found: PieceMouths | undefined;
  let most = 0;
  for (const m of mouths) {
    const overlap = Math.min(end, m.end) - Math.max(start, m.start);
    if (overlap > most) [found, most] = [m, overlap];
  }
  return found;
}
