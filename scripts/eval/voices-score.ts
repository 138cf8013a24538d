/**
 * Scores voices against the who-is-heard truth (../shared/eval/heard/dev/truth.json): each speech
 * piece belongs to the truth speaker it overlaps most (or to nobody); a voice is pure when all its
 * seconds belong to one speaker. Pure.
 */

export interface HeardTruth {
  shots: { start_s: number; end_s: number; kind: string; audio: { identity: string; gender: 'F' | 'M'; on_screen: boolean; speech: [number, number][] } | null }[];
}

export interface ScoredPiece {
  start: number;
  end: number;
  voice: string | null;
}

export interface VoiceScore {
  voices: number;
  speakers: number;
  /** Voices whose seconds all come from one speaker. */
  pureVoices: number;
  /** Seconds of the voices that belong to each voice's main speaker, over the voices' seconds scored. */
  purity: number;
  /** Speakers heard in more than one voice. */
  splitSpeakers: number;
  /** Seconds of true speech in pieces left without a voice, over the true speech found. */
  unvoicedShare: number;
  /** Suggestions that name the main speaker's gender, and how many voices have one. */
  suggestionsRight: number;
  suggestions: number;
}

export function speakerOf(truth: HeardTruth, start: number, end: number): { identity: string; gender: 'F' | 'M' } | null {
  let best: { identity: string; gender: 'F' | 'M' } | null = null;
  let most = 0;
  for (const shot of truth.shots) {
    for (const [a, b] of shot.audio?.speech ?? []) {
      const overlap = Math.min(b, end) - Math.max(a, start);
      if (overlap > most) [best, most] = [shot.audio!, overlap];
    }
  }
  return best ? { identity: best.identity, gender: best.gender } : null;
}

export function scoreVoices(truth: HeardTruth, pieces: readonly ScoredPiece[], suggestions: ReadonlyMap<string, 'female' | 'male' | 'not-speech' | null>): VoiceScore {
  const secondsBy = new Map<string, Map<string, number>>();
  const genderOf = new Map<string, 'F' | 'M'>();
  let unvoiced = 0;
  let found = 0;
  for (const piece of pieces) {
    const speaker = speakerOf(truth, piece.start, piece.end);
    if (!speaker) continue;
    genderOf.set(speaker.identity, speaker.gender);
    found += piece.end - piece.start;
    if (piece.voice === null) {
      unvoiced += piece.end - piece.start;
      continue;
    }
    const own = secondsBy.get(piece.voice) ?? new Map<string, number>();
    own.set(speaker.identity, (own.get(speaker.identity) ?? 0) + piece.end - piece.start);
    secondsBy.set(piece.voice, own);
  }
  let main = 0;
  let total = 0;
  let pureVoices = 0;
  let suggestionsRight = 0;
  let suggestionCount = 0;
  const voicesPerSpeaker = new Map<string, number>();
  for (const [voice, own] of secondsBy) {
    const [speaker, seconds] = [...own].sort((a, b) => b[1] - a[1])[0]!;
    main += seconds;
    total += [...own.values()].reduce((a, b) => a + b, 0);
    if (own.size === 1) pureVoices++;
    voicesPerSpeaker.set(speaker, (voicesPerSpeaker.get(speaker) ?? 0) + 1);
    const suggestion = suggestions.get(voice) ?? null;
    if (suggestion === null) continue;
    suggestionCount++;
    if (suggestion === (genderOf.get(speaker) === 'F' ? 'female' : 'male')) suggestionsRight++;
  }
  const speakers = new Set(truth.shots.flatMap((s) => (s.audio ? [s.audio.identity] : [])));
  return {
    voices: secondsBy.size,
    speakers: speakers.size,
    pureVoices,
    purity: total > 0 ? main / total : 1,
    splitSpeakers: [...voicesPerSpeaker.values()].filter((n) => n > 1).length,
    unvoicedShare: found > 0 ? unvoiced / found : 0,
    suggestionsRight,
    suggestions: suggestionCount,
  };
}
