/**
 * What a library leaves in the analyses it recognised people in: `clusters[].known` (the library
 * person's id, name, tag and who gave it). When a person is removed from the library, or the library
 * is forgotten, those go too (faces are biometric data: every trace goes). A tag that only the
 * library gave goes with it (the person is untagged again); a tag or name a person gave stays. Pure.
 */
import type { Analysis } from '../../../../shared/src/analysis.js';

export interface ForgottenInAnalysis {
  analysis: Analysis;
  /** The clusters whose recognition was taken out (empty: the analysis is unchanged). */
  cleared: number[];
}

export function withoutKnown(analysis: Analysis, isForgotten: (person: string) => boolean): ForgottenInAnalysis {
  const cleared = analysis.clusters.filter((c) => c.known && isForgotten(c.known.person)).map((c) => c.id);
  if (cleared.length === 0) return { analysis, cleared };
  const clusters = analysis.clusters.map((c) => (cleared.includes(c.id) ? { ...c, known: null } : c));
  return { analysis: { ...analysis, clusters }, cleared };
}
