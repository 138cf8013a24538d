/**
 * Which face signatures a library person keeps: a few, from different tracks and shots, so that the
 * person is recognised in other media and light (a clip here, a photo there), not one average.
 */
import type { Exemplar } from './library-person.js';
import { dot, type TrackSignature } from './track-signatures.js';

export interface ExemplarOptions {
  /** New exemplars taken from one analysis. */
  perAnalysis: number;
  /** Exemplars kept per person: past this, the most redundant go. */
  max: number;
  /** Tracks below this quality give no exemplar, unless the person has no better track. */
  minQuality: number;
}

export const DEFAULT_EXEMPLAR_OPTIONS: ExemplarOptions = { perAnalysis: 4, max: 12, minQuality: 0.35 };

/** The best track of each shot first (then the next best tracks), up to `perAnalysis`. */
export function pickExemplars(signatures: readonly TrackSignature[], analysis: string, options: ExemplarOptions = DEFAULT_EXEMPLAR_OPTIONS): Exemplar[] {
  const ranked = [...signatures].sort((a, b) => b.quality - a.quality);
  const good = ranked.filter((s) => s.quality >= options.minQuality);
  const pool = good.length > 0 ? good : ranked.slice(0, 1);
  const shots = new Set<number>();
  const firstOfShot = pool.filter((s) => !shots.has(s.shot) && shots.add(s.shot));
  const rest = pool.filter((s) => !firstOfShot.includes(s));
  return [...firstOfShot, ...rest].slice(0, options.perAnalysis).map((s) => ({ vector: s.vector, analysis, track: s.track, shot: s.shot, quality: s.quality }));
}

/** Old and new together, without repeats (same analysis and track); past `max`, drops one of the most similar pair. */
export function mergeExemplars(kept: readonly Exemplar[], added: readonly Exemplar[], options: ExemplarOptions = DEFAULT_EXEMPLAR_OPTIONS): Exemplar[] {
  const key = (e: Exemplar) => `${e.analysis}#${e.track}`;
  const seen = new Set(kept.map(key));
  const all = [...kept, ...added.filter((e) => !seen.has(key(e)))];
  while (all.length > options.max) {
    let worst = { i: 0, j: 1, sim: -Infinity };
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        const sim = dot(all[i]!.vector, all[j]!.vector);
        if (sim > worst.sim) worst = { i, j, sim };
      }
    }
    const drop = all[worst.i]!.quality < all[worst.j]!.quality ? worst.i : worst.j;
    all.splice(drop, 1);
  }
  return all;
}
