/**
 * The analysis tunables in one place, apart from infrastructure settings. Each default was
 * chosen on ../shared/eval (see docs/tuning.md and `npm run eval`); change one only with the
 * evaluation figures before and after in the commit message.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_FACE_ANALYZER_OPTIONS, type FaceAnalyzerOptions } from '../stages/faces/face-analyzer.js';
import { DEFAULT_REDETECT_POLICY, type RedetectOptions } from '../stages/faces/detect/redetect-policy.js';
import { DEFAULT_TILE_POLICY, type TilePolicyOptions } from '../stages/faces/detect/tile-policy.js';
import { DEFAULT_PEOPLE_OPTIONS, type PeopleOptions } from '../stages/people/build-people.js';
import { DEFAULT_EMBEDDING_POLICY, type EmbeddingPolicyOptions } from '../stages/tracks/embedding-policy.js';
import { DEFAULT_TRACKER_OPTIONS, type TrackerOptions } from '../stages/tracks/face-tracker.js';

export interface Tuning {
  faces: Omit<FaceAnalyzerOptions, 'clock'>;
  tiles: TilePolicyOptions;
  redetect: RedetectOptions;
  embedding: EmbeddingPolicyOptions;
  tracker: TrackerOptions;
  people: PeopleOptions;
}

export const TUNING: Tuning = {
  // Gender is estimated from faces of lower quality than the faces stage's own default, so that
  // small or blurred people still get a suggestion (a person confirms it anyway).
  faces: { ...DEFAULT_FACE_ANALYZER_OPTIONS, minGenderQuality: 0.3 },
  tiles: DEFAULT_TILE_POLICY,
  redetect: DEFAULT_REDETECT_POLICY,
  embedding: DEFAULT_EMBEDDING_POLICY,
  tracker: DEFAULT_TRACKER_OPTIONS,
  people: DEFAULT_PEOPLE_OPTIONS,
};

export const ENGINE_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
