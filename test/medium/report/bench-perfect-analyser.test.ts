// Real: the benchmark's frame-exact ground truth (../shared/eval/bench/dev/truth.json).
// A "perfect analyser" sees every person in every sample of their shots, at 2 samples per second,
// and knows the cuts. The report's screen time should then match the truth to the frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Edit } from '../../../shared/src/analysis.js';
import { buildReport } from '../../../engine/src/stages/report/build-report.js';
import { makeAnalysis } from '../../unit/report/analysis-fixture.js';

const truthPath = join(new URL('../../../', import.meta.url).pathname, '..', 'shared', 'eval', 'bench', 'dev', 'truth.json');
const skip = existsSync(truthPath) ? false : `the benchmark truth is not at ${truthPath}`;

interface Truth {
  duration_s: number;
  shots: Array<{ start_s: number; end_s: number; people: Array<{ identity: string; gender: 'F' | 'M' }> }>;
  union: { any_woman_visible_s: number; any_man_visible_s: number; both_visible_s: number; nobody_visible_s: number };
}

test('a perfect analyser sampling 2 frames per second gets the benchmark’s screen time to the frame', { skip }, () => {
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Truth;
  const fps = 2;
  const times = Array.from({ length: Math.ceil(truth.duration_s * fps) }, (_, i) => i / fps);
  const identities = [...new Set(truth.shots.flatMap((s) => s.people.map((p) => p.identity)))];
  const gender = new Map(truth.shots.flatMap((s) => s.people.map((p) => [p.identity, p.gender] as const)));
  const samplesOf = (identity: string) =>
    times.flatMap((t, i) => (truth.shots.some((s) => t >= s.start_s && t < s.end_s && s.people.some((p) => p.identity === identity)) ? [i] : []));
  const analysis = makeAnalysis({
    duration: truth.duration_s,
    fps,
    cuts: truth.shots.slice(1).map((s) => s.start_s),
    clusters: identities.map((id) => [{ samples: samplesOf(id) }]),
  });
  const edits: Edit[] = identities.map((id, cluster) => ({ kind: 'tag', cluster, tag: gender.get(id) === 'F' ? 'female' : 'male', by: 'truth', at: '2024-01-01T00:00:00Z' }));
  const report = buildReport(analysis, edits, new Date());

  const naive = (identityGender: 'F' | 'M') =>
    times.filter((t) => truth.shots.some((s) => t >= s.start_s && t < s.end_s && s.people.some((p) => p.gender === identityGender))).length / fps;
  const womenShare = truth.union.any_woman_visible_s / truth.duration_s;
  const naiveError = Math.abs(naive('F') / truth.duration_s - womenShare) * 100;
  const error = Math.abs(report.screenTime.female.share - womenShare) * 100;
  console.log(`women's share: truth ${(womenShare * 100).toFixed(2)}%, counting samples ${((naive('F') / truth.duration_s) * 100).toFixed(2)}% (${naiveError.toFixed(2)} points off), report ${(report.screenTime.female.share * 100).toFixed(2)}% (${error.toFixed(3)} points off)`);

  const frame = 1 / 25;
  assert.ok(Math.abs(report.screenTime.female.seconds - truth.union.any_woman_visible_s) < frame, `women ${report.screenTime.female.seconds} vs ${truth.union.any_woman_visible_s}`);
  assert.ok(Math.abs(report.screenTime.male.seconds - truth.union.any_man_visible_s) < frame, `men ${report.screenTime.male.seconds} vs ${truth.union.any_man_visible_s}`);
  assert.ok(Math.abs(report.coPresence.both - truth.union.both_visible_s) < frame, `both ${report.coPresence.both}`);
  assert.ok(Math.abs((report.coPresence.nobody ?? -1) - truth.union.nobody_visible_s) < frame, `nobody ${report.coPresence.nobody}`);
  assert.ok(report.femaleShareRange.low <= womenShare + 1e-9 && womenShare <= report.femaleShareRange.high + 1e-9, 'the truth lies in the range');
});
