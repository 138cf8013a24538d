/**
 * An analysis run with a library: each cluster compared with the library, `clusters[].known` set
 * (null when nobody matched). The tag the library gives is applied when the people are derived
 * (stages/people/edits.ts), marked as coming from the library; a tag given in the analysis wins.
 */
import type { Analysis } from '../../../../shared/src/analysis.js';
import type { Known } from '../../../../shared/src/library.js';
import type { LibraryState } from './library-person.js';
import { DEFAULT_RECOGNITION_OPTIONS, recognise, type RecognitionOptions } from './recognise.js';
import { trackSignatures } from './track-signatures.js';

export function recogniseAnalysis(
  analysis: Analysis,
  signatures: { model: string; vectors: readonly Float32Array[] },
  library: LibraryState,
  options: RecognitionOptions = DEFAULT_RECOGNITION_OPTIONS,
): Analysis {
  const isComparable = library.model === null || library.model === signatures.model;
  const groups = analysis.clusters.map((c) => ({ id: c.id, signatures: trackSignatures(analysis, signatures.vectors, c.tracks) }));
  const found = isComparable ? recognise(groups, library.people, options) : [];
  const byId = new Map(library.people.map((p) => [p.id, p]));
  const knownOf = new Map<number, Known>();
  for (const { group, person, similarity } of found) {
    const p = byId.get(person)!;
    knownOf.set(group, { person, name: p.name, gender: p.gender, similarity: Math.round(similarity * 1000) / 1000, taggedBy: p.taggedBy, taggedOnBehalfOf: p.taggedOnBehalfOf, videos: p.seenIn.length });
  }
  return { ...analysis, clusters: analysis.clusters.map((c) => ({ ...c, known: knownOf.get(c.id) ?? null })) };
}
