/**
 * Merges of two identities, judged track by track: each track belongs to the listed person most
 * of its faces fall on (a U child or crowd counts as a person here: merging a child into a woman
 * is the very error to catch). A person built from tracks of two or more people is a wrong merge;
 * a "check: may be two people" flag on a person whose tracks are all one person is a false flag.
 */
import type { Analysis } from '../../shared/src/analysis.js';
import type { FaceMatch } from './bench-truth.js';

export interface MergeFigures {
  /** People (clusters) whose tracks belong to two or more listed people. */
  mixed: number;
  /** Of those, how many carry the doubt flag. */
  mixedFlagged: number;
  /** Flags raised on people who really are one. */
  falseFlags: number;
  flags: number;
  /** Each mixed or flagged person, described: "cluster 7 (flagged): amy 12 faces + child_1 3 faces". */
  details: string[];
}

export function scoreMerges(analysis: Analysis, matches: readonly FaceMatch[]): MergeFigures {
  const personOfTrack = new Map(analysis.tracks.map((t) => [t.id, majorityPerson(t.faces, matches)]));
  const figures: MergeFigures = { mixed: 0, mixedFlagged: 0, falseFlags: 0, flags: 0, details: [] };
  for (const cluster of analysis.clusters) {
    const facesOf = new Map<string, number>();
    for (const track of cluster.tracks) {
      const person = personOfTrack.get(track);
      const faces = analysis.tracks[track]?.faces.length ?? 0;
      if (person) facesOf.set(person, (facesOf.get(person) ?? 0) + faces);
    }
    const isMixed = facesOf.size > 1;
    const isFlagged = cluster.doubt !== undefined;
    if (isMixed) figures.mixed++;
    if (isMixed && isFlagged) figures.mixedFlagged++;
    if (isFlagged) figures.flags++;
    if (isFlagged && !isMixed) figures.falseFlags++;
    if (!isMixed && !isFlagged) continue;
    const who = [...facesOf].sort((a, b) => b[1] - a[1]).map(([p, n]) => `${p} ${n} faces`).join(' + ');
    const doubt = cluster.doubt ? ` (flagged, similarity ${cluster.doubt.similarity.toFixed(2)})` : '';
    figures.details.push(`cluster ${cluster.id}${doubt}: ${who || 'no listed person'}`);
  }
  return figures;
}

function majorityPerson(faces: readonly number[], matches: readonly FaceMatch[]): string | null {
  const counts = new Map<string, number>();
  for (const f of faces) {
    const person = matches[f]?.person;
    if (person) counts.set(person, (counts.get(person) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

export function printMergeFigures(f: MergeFigures): void {
  console.log(`  merges of two identities: ${f.mixed} people built from two or more listed people (${f.mixedFlagged} of them flagged)`);
  console.log(`  "check: may be two people" flags: ${f.flags}, of which ${f.falseFlags} on people who really are one`);
  for (const line of f.details) console.log(`    ${line}`);
}
