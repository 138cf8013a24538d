/**
 * Turns "stage X is n% done" into overall percent and an ETA. Stages have weights (their
 * typical share of the wall time); the ETA is the elapsed time scaled by the work left, once
 * enough work is done to say something honest. Pure: the caller passes the clock.
 */
import type { JobStage } from '../../../../shared/src/api/types.js';
import type { JobProgress } from '../../contracts/progress.js';

/** Typical share of the wall time of each stage (frames and faces run together as 'faces'). */
const STAGE_WEIGHTS: Partial<Record<JobStage, number>> = {
  source: 0.05,
  faces: 0.85,
  tracks: 0.02,
  people: 0.08,
};
const ORDER: JobStage[] = ['source', 'faces', 'tracks', 'people'];

export class ProgressEstimator {
  private readonly startedAt: number;
  private lastPercent = 0;

  constructor(now: number, private readonly sourceWeight = STAGE_WEIGHTS.source!) {
    this.startedAt = now;
  }

  /** @param fraction 0..1 of the given stage */
  update(stage: JobStage, fraction: number, message: string, now: number): JobProgress {
    const done = ORDER.slice(0, Math.max(0, ORDER.indexOf(stage))).reduce((sum, s) => sum + this.weight(s), 0);
    const total = ORDER.reduce((sum, s) => sum + this.weight(s), 0);
    const overall = Math.min(1, (done + this.weight(stage) * clamp01(fraction)) / total);
    const percent = Math.max(this.lastPercent, Math.round(overall * 1000) / 10);
    this.lastPercent = percent;
    const elapsed = (now - this.startedAt) / 1000;
    const etaSeconds = overall > 0.03 && elapsed > 2 ? Math.max(0, Math.round((elapsed * (1 - overall)) / overall)) : null;
    return { stage, percent, etaSeconds, message };
  }

  private weight(stage: JobStage): number {
    return stage === 'source' ? this.sourceWeight : (STAGE_WEIGHTS[stage] ?? 0);
  }
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
