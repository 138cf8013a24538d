/**
 * Listed faces never detected, by kind (issue 12, "faces still missed on hard material"): at each
 * sample, each listed person with a face box (not a crowd area) is found if some detected face there
 * was matched to them. Misses are counted for faces cut by the frame's edge, and per shot kind.
 */
import type { Analysis } from '../../shared/src/analysis.js';
import type { BenchTruth, FaceMatch } from './bench-truth.js';

export interface MissedFaces {
  listed: number;
  missed: number;
  /** [missed, listed] for faces whose box runs past the frame's edge. */
  cutByEdge: [number, number];
  /** [missed, listed] per shot kind, most missed first. */
  byKind: [string, number, number][];
}

interface KindedShot { kind?: string; start_s: number; end_s: number; people: { identity: string; box0?: number[]; box1?: number[] }[] }

export function countMissedFaces(analysis: Analysis, truth: BenchTruth, matches: readonly FaceMatch[]): MissedFaces {
  const seen = new Set(matches.filter((m) => m.person).map((m) => `${analysis.faces[m.face]!.sample}:${m.person}`));
  const result: MissedFaces = { listed: 0, missed: 0, cutByEdge: [0, 0], byKind: [] };
  const kinds = new Map<string, [number, number]>();
  analysis.sampling.times.forEach((t, sample) => {
    const shot = (truth.shots as unknown as KindedShot[]).find((s) => t >= s.start_s && t < s.end_s);
    for (const person of shot?.people ?? []) {
      if (!person.box0 || !person.box1) continue;
      const p = (t - shot!.start_s) / (shot!.end_s - shot!.start_s);
      const [x, y, w, h] = person.box0.map((v, i) => v + (person.box1![i]! - v) * p) as [number, number, number, number];
      const isMissed = !seen.has(`${sample}:${person.identity}`);
      const isCut = x < 0 || y < 0 || x + w > truth.width || y + h > truth.height;
      const kind = kinds.get(shot!.kind ?? '?') ?? [0, 0];
      kinds.set(shot!.kind ?? '?', [kind[0] + (isMissed ? 1 : 0), kind[1] + 1]);
      result.listed++;
      if (isMissed) result.missed++;
      if (isCut) result.cutByEdge = [result.cutByEdge[0] + (isMissed ? 1 : 0), result.cutByEdge[1] + 1];
    }
  });
  result.byKind = [...kinds].map(([kind, [m, n]]) => [kind, m, n] as [string, number, number]).sort((a, b) => b[1] - a[1]);
  return result;
}

export function printMissedFaces(f: MissedFaces): void {
  const kinds = f.byKind.filter(([, m]) => m > 0).map(([kind, m, n]) => `${kind} ${m}/${n}`).join(', ');
  console.log(`  listed faces never detected (per sample): ${f.missed} of ${f.listed}; cut by the frame's edge ${f.cutByEdge[0]} of ${f.cutByEdge[1]}; by shot: ${kinds}`);
}
