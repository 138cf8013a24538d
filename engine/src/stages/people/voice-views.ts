/** Voices as a person sees them after the tagging history: own tag, linked person, what each counts as. */
import type { Analysis, PersonView, VoiceView } from '../../../../shared/src/analysis.js';
import type { AnalysisIndex } from '../report/analysis-index.js';
import type { VoiceState } from './voice-edits.js';
import { personOfCluster, voiceCounts } from './who-speaks.js';

export function voiceViews(analysis: Analysis, index: AnalysisIndex, persons: readonly PersonView[], state: VoiceState): VoiceView[] {
  const owner = new Map<number, number>();
  for (const person of persons) for (const track of person.tracks) owner.set(track, person.id);
  const byId = new Map(persons.map((p) => [p.id, p]));
  return (analysis.voices ?? []).map((voice) => {
    const person = voice.person === null ? null : personOfCluster(index, owner, voice.person, voice.firstAt, voice.firstAt + voice.seconds);
    const own = state.tags.get(voice.id) ?? null;
    const { counts, from } = voiceCounts(voice, own?.tag ?? null, person === null ? undefined : byId.get(person));
    return {
      id: voice.id,
      seconds: voice.seconds,
      person,
      suggestion: voice.suggestion,
      pitchHz: voice.pitchHz,
      firstAt: voice.firstAt,
      sample: voice.sample,
      tag: own?.tag ?? null,
      taggedBy: own?.by ?? null,
      taggedOnBehalfOf: own?.onBehalfOf ?? null,
      taggedAt: own?.at ?? null,
      counts,
      countsFrom: from,
    };
  });
}
