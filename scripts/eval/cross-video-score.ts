/**
 * Scoring of the cross-video evaluation (issue 9): who each cluster really is, from the frame-exact
 * truth, and how recognition did in episode B against a library made from episode A.
 */
import type { Analysis, Edit, Tag } from '../../shared/src/analysis.js';
import type { FaceMatch } from './bench-truth.js';

/** A cluster's identity: the truth identity of most of its faces, 'U' for a person not counted, 'FALSE' for no face. */
export function clusterIdentities(analysis: Analysis, matches: readonly FaceMatch[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const cluster of analysis.clusters) {
    const counts = new Map<string, number>();
    for (const f of cluster.faces) {
      const m = matches[f]!;
      const label = m.identity === null ? 'U' : m.identity;
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    out.set(cluster.id, [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'FALSE');
  }
  return out;
}

/** The edits a careful person would make in episode A: each person tagged from the truth, and named. */
export function truthEdits(identities: ReadonlyMap<number, string>, tags: ReadonlyMap<number, Tag>): Edit[] {
  const at = new Date().toISOString();
  const edits: Edit[] = [];
  for (const [cluster, tag] of tags) {
    edits.push({ kind: 'tag', cluster, tag, by: 'eval', at });
    const identity = identities.get(cluster);
    if (tag !== 'not-face' && identity && identity !== 'U' && identity !== 'FALSE') edits.push({ kind: 'name', cluster, name: identity, by: 'eval', at });
  }
  return edits;
}

export interface CrossVideoScore {
  /** Clusters in B of people named in A (remembered people). */
  remembered: number;
  right: number;
  /** Remembered people recognised as someone else. */
  wrongRemembered: number;
  missed: number;
  /** Clusters in B of people not in A. */
  newPeople: number;
  wrongNew: number;
  /** Clusters of people not counted (U) or not faces that were recognised, with the library person's name. */
  other: string[];
  /** Every wrong recognition, described. */
  wrong: string[];
  clustersFound: number;
}

export function scoreRecognition(analysisB: Analysis, identitiesB: ReadonlyMap<number, string>, namesInA: ReadonlySet<string>): CrossVideoScore {
  const s: CrossVideoScore = { remembered: 0, right: 0, wrongRemembered: 0, missed: 0, newPeople: 0, wrongNew: 0, other: [], wrong: [], clustersFound: analysisB.clusters.length };
  for (const cluster of analysisB.clusters) {
    const identity = identitiesB.get(cluster.id) ?? 'FALSE';
    const known = cluster.known ?? null;
    const as = known ? `${known.name ?? known.person} at ${known.similarity.toFixed(3)}` : '';
    if (identity === 'U' || identity === 'FALSE') {
      if (known) s.other.push(`cluster ${cluster.id} (${identity}) recognised as ${as}`);
    } else if (namesInA.has(identity)) {
      s.remembered++;
      if (!known) s.missed++;
      else if (known.name === identity) s.right++;
      else {
        s.wrongRemembered++;
        s.wrong.push(`cluster ${cluster.id} (${identity}) recognised as ${as}`);
      }
    } else {
      s.newPeople++;
      if (known) {
        s.wrongNew++;
        s.wrong.push(`cluster ${cluster.id} (${identity}, not in A) recognised as ${as}`);
      }
    }
  }
  return s;
}
