import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Edit, Tag } from '../../../shared/src/analysis.js';
import { buildReport } from '../../../engine/src/stages/report/build-report.js';
import { makeAnalysis, range } from './analysis-fixture.js';

// 10 s at 2 samples/s (sample i at i/2 s), one cut at 5.2 s (between samples 10 and 11).
// Sample i stands for [i/2 − 0.25, i/2 + 0.25], except sample 0 → [0, 0.25], sample 10 → [4.75, 5.2],
// sample 11 → [5.2, 5.75] and sample 19 → [9.25, 10]. The frame is 640 × 360 = 230 400 px².
const analysis = makeAnalysis({
  duration: 10,
  cuts: [5.2],
  clusters: [
    [{ samples: range(0, 10), female: 0.8, side: 120 }], // A, woman: samples 0–9 → [0, 4.75] = 4.75 s; face 14 400 px² = 0.0625
    [{ samples: range(6, 8), female: 0.2 }], // B, man: samples 6–13 → [2.75, 6.75] = 4 s
    [{ samples: range(8, 7), female: 0.9, side: 240 }], // C, woman (accepted suggestion): 8–14 → [3.75, 7.25] = 3.5 s; 0.25 of the frame
    [{ samples: range(16, 2), female: null }], // D, untagged: 16–17 → [7.75, 8.75] = 1 s
    [{ samples: range(0, 20) }], // E, not a face: never counts
    [{ samples: [18] }], // F, unknown: sample 18 → [8.75, 9.25] = 0.5 s
  ],
});
const at = '2024-05-01T10:00:00.000Z';
const tag = (cluster: number, value: Tag): Edit => ({ kind: 'tag', cluster, tag: value, by: 'ana', at });
const edits: Edit[] = [tag(0, 'female'), tag(1, 'male'), { kind: 'accept-suggestions', clusters: [2], by: 'ana', at }, tag(4, 'not-face'), tag(5, 'unknown')];
const now = new Date('2024-05-02T00:00:00.000Z');
const close = (actual: number | null | undefined, expected: number, what: string): void =>
  assert.ok(actual != null && Math.abs(actual - expected) < 1e-9, `${what}: expected ${expected}, got ${actual}`);

test('screen time is the union of the group’s visible intervals; person-seconds add up', () => {
  const report = buildReport(analysis, edits, now);
  // Women: A ∪ C = samples 0–14 → [0, 7.25] = 7.25 s, 72.5 % of 10 s; A + C = 4.75 + 3.5 = 8.25 person-seconds.
  close(report.screenTime.female.seconds, 7.25, 'female seconds');
  close(report.screenTime.female.share, 0.725, 'female share');
  close(report.screenTime.female.personSeconds, 8.25, 'female person-seconds');
  close(report.screenTime.male.seconds, 4, 'male seconds');
  close(report.screenTime.male.share, 0.4, 'male share');
  close(report.screenTime.unknown.seconds, 0.5, 'unknown seconds');
  // 7.25 / (7.25 + 4)
  close(report.femaleShareOfGendered, 7.25 / 11.25, 'female share of gendered');
});

test('size-weighted seconds count each moment by the largest face of the group', () => {
  const report = buildReport(analysis, edits, now);
  // [0, 3.75] only A (0.0625) + [3.75, 4.75] A and C (max 0.25) + [4.75, 7.25] only C (0.25)
  // = 3.75 × 0.0625 + 1 × 0.25 + 2.5 × 0.25 = 0.234375 + 0.25 + 0.625 = 1.109375
  close(report.screenTime.female.sizeWeightedSeconds, 1.109375, 'female size-weighted');
});

test('co-presence splits the running time into women only, men only, both, neither', () => {
  const { coPresence } = buildReport(analysis, edits, now);
  // Men (samples 6–13) are always with a woman: both = 4, men only = 0, women only = 7.25 − 4 = 3.25, neither = 10 − 7.25.
  close(coPresence.both, 4, 'both');
  close(coPresence.menOnly, 0, 'men only');
  close(coPresence.womenOnly, 3.25, 'women only');
  close(coPresence.neither, 2.75, 'neither');
  // Nobody tagged (woman, man or unknown): 10 − 7.25 − 0.5 (F) = 2.25; the untagged D and not-a-face E don't count.
  close(coPresence.nobody, 2.25, 'nobody');
});

test('the women’s share range combines sampling uncertainty with untagged and unknown people', () => {
  const { femaleShareRange } = buildReport(analysis, edits, now);
  // Low: 7.25 s minus half a gap at the one boundary not at a cut (after sample 14): 7.25 − 0.25 = 7.0 → 0.70.
  close(femaleShareRange.low, 0.7, 'low');
  // High: women, unknown and untagged = samples 0–14, 16–18 → 7.25 + 1.5 = 8.75 s, plus three uncertain
  // boundaries (14|15, 15|16, 18|19) × 0.25 = 0.75 → 9.5 s → 0.95.
  close(femaleShareRange.high, 0.95, 'high');
});

test('people, persons and quality count tags; not-a-face is left out', () => {
  const report = buildReport(analysis, edits, now);
  assert.deepEqual(report.people, { female: 2, male: 1, unknown: 1, untagged: 1 });
  assert.deepEqual(report.persons.map((p) => [p.id, p.tag]), [[0, 'female'], [1, 'male'], [2, 'female'], [3, null], [5, 'unknown']]);
  close(report.persons[0]?.share, 0.475, 'A share');
  assert.equal(report.persons[0]?.faces, 10);
  assert.deepEqual(report.quality, {
    facesDetected: 10 + 8 + 7 + 2 + 20 + 1,
    facesTooSmall: 0, facesLowQuality: 0, facesNotFace: 0,
    clustersTaggedByPerson: 3, clustersAcceptedSuggestion: 1, clustersUntagged: 1, clustersNotFace: 1, clustersMayBeTwoPeople: 0,
  });
  assert.deepEqual(report.sampling, { fps: 2, samples: 20, cuts: 1 });
  assert.equal(report.generatedAt, now.toISOString());
});

test('the timeline marks 1 s bins where a group is seen or covers half the bin', () => {
  const { timeline } = buildReport(analysis, edits, now);
  assert.equal(timeline.binSeconds, 1);
  assert.equal(timeline.bins.length, 10);
  // Women: samples at 0 … 7.0 s → bins 0–7. Men: samples at 3.0 … 6.5 s → bins 3–6 (bin 2 has only 0.25 s).
  assert.deepEqual(timeline.bins.map((b) => b.female), [true, true, true, true, true, true, true, true, false, false]);
  assert.deepEqual(timeline.bins.map((b) => b.male), [false, false, false, true, true, true, true, false, false, false]);
  assert.deepEqual(timeline.bins.map((b) => b.unknown), [false, false, false, false, false, false, false, false, false, true]);
});

test('tagging the untagged person a woman adds their time and narrows the range', () => {
  const report = buildReport(analysis, [...edits, tag(3, 'female')], now);
  // D adds [7.75, 8.75]: 7.25 + 1 = 8.25 s. Low: three uncertain boundaries (14|15, 15|16, 17|18) → 8.25 − 0.75 = 7.5.
  close(report.screenTime.female.seconds, 8.25, 'female seconds');
  close(report.femaleShareRange.low, 0.75, 'low');
  close(report.femaleShareRange.high, 0.95, 'high (unchanged: D was already counted there)');
  assert.equal(report.people.female, 3);
  assert.equal(report.people.untagged, 0);
});

test('a woman on screen for exactly one shot gets exactly that shot’s duration, with no uncertainty', () => {
  // Shot 2.1 s → 6.3 s holds samples 2.5 … 6.0 (indices 5–12); sample counting would say 8 × 0.5 = 4 s.
  const shot = makeAnalysis({ duration: 8, cuts: [2.1, 6.3], clusters: [[{ samples: range(5, 8), female: 0.9 }]] });
  const report = buildReport(shot, [tag(0, 'female')], now);
  close(report.screenTime.female.seconds, 4.2, 'female seconds');
  close(report.persons[0]?.seconds, 4.2, 'person seconds');
  close(report.femaleShareRange.low, 4.2 / 8, 'low');
  close(report.femaleShareRange.high, 4.2 / 8, 'high');
});

test('with nobody tagged, shares are zero and the share of gendered time is null', () => {
  const report = buildReport(analysis, [], now);
  assert.equal(report.screenTime.female.seconds, 0);
  assert.equal(report.femaleShareOfGendered, null);
  assert.equal(report.femaleShareRange.low, 0);
  assert.ok(report.femaleShareRange.high > 0.9, 'everyone untagged could be a woman');
});

test('every figure has a plain-language definition', () => {
  const report = buildReport(analysis, edits, now);
  const paths = [
    ...Object.entries(report.screenTime).flatMap(([g, st]) => Object.keys(st).map((k) => `screenTime.${g}.${k}`)),
    ...Object.keys(report.people).map((k) => `people.${k}`),
    ...Object.keys(report.coPresence).map((k) => `coPresence.${k}`),
    ...Object.keys(report.quality).map((k) => `quality.${k}`),
    'femaleShareOfGendered', 'femaleShareRange', 'timeline', 'persons',
  ];
  for (const path of paths) assert.ok((report.definitions[path] ?? '').length > 20, `definition of ${path}`);
});

test('long videos get coarser timeline bins, never more than 600', () => {
  const long = makeAnalysis({ duration: 1500, fps: 0.5, clusters: [[{ samples: [0] }]] });
  const { timeline } = buildReport(long, [], now);
  assert.equal(timeline.binSeconds, 3);
  assert.equal(timeline.bins.length, 500);
});

test('quality counts people flagged "check: may be two people" until a person splits them', () => {
  const doubtful = makeAnalysis({ duration: 10, clusters: [[{ samples: range(0, 4) }, { samples: range(10, 4) }], [{ samples: range(5, 2) }]] });
  doubtful.clusters[0]!.doubt = { reason: 'two-groups', groups: [[0], [1]], similarity: 0.33 };
  assert.equal(buildReport(doubtful, [], now).quality.clustersMayBeTwoPeople, 1);
  const split: Edit = { kind: 'split', cluster: 0, tracks: [1], newCluster: 2, by: 'ana', at };
  assert.equal(buildReport(doubtful, [split], now).quality.clustersMayBeTwoPeople, 0, 'split: the flag is answered');
  assert.equal(buildReport(doubtful, [tag(0, 'not-face')], now).quality.clustersMayBeTwoPeople, 0, 'not a face: not counted');
});
