// The pure rules behind "remove every trace" and "a correction updates the library" (issue 9):
// what forgetting library people takes out of an analysis, and which edits are corrections.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis, Edit } from '../../../shared/src/analysis.js';
import type { Known } from '../../../shared/src/library.js';
import { libraryCorrections } from '../../../engine/src/stages/library/corrections.js';
import { withoutKnown } from '../../../engine/src/stages/library/forget-known.js';
import { applyEdits } from '../../../engine/src/stages/people/edits.js';
import { range } from '../report/analysis-fixture.js';
import { makeSignedAnalysis } from './library-fixture.js';

const at = '2024-05-01T10:00:00.000Z';
const known = (person: string, name: string | null, gender: Known['gender']): Known => ({ person, name, gender, similarity: 0.8, taggedBy: 'sam', videos: 1 });

/** Three people: Ana recognised as p1, Rui as p2, a stranger. */
function recognised(): Analysis {
  const { analysis } = makeSignedAnalysis({ duration: 10, clusters: [[{ identity: 1, samples: range(0, 4) }], [{ identity: 2, samples: range(4, 4) }], [{ identity: 3, samples: range(8, 2) }]] });
  const knowns = [known('p1', 'Ana Lima', 'female'), known('p2', null, 'male'), null];
  return { ...analysis, clusters: analysis.clusters.map((c, i) => ({ ...c, known: knowns[i] ?? null })) };
}

test('forgetting a library person takes their recognition out, with a tag only the library gave; a person\'s own tag and name stay', () => {
  const analysis = recognised();
  const edits: Edit[] = [{ kind: 'tag', cluster: 1, tag: 'male', by: 'kim', at }, { kind: 'name', cluster: 1, name: 'Rui', by: 'kim', at }];
  const one = withoutKnown(analysis, (p) => p === 'p1');
  assert.deepEqual(one.cleared, [0]);
  assert.deepEqual(one.analysis.clusters.map((c) => c.known?.person ?? null), [null, 'p2', null]);
  assert.deepEqual(applyEdits(one.analysis, edits).map((p) => [p.tag, p.tagOrigin, p.name]), [[null, null, null], ['male', 'person', 'Rui'], [null, null, null]]);
  const all = withoutKnown(analysis, () => true);
  assert.deepEqual(all.cleared, [0, 1]);
  assert.deepEqual(applyEdits(all.analysis, edits).map((p) => [p.known, p.tag, p.name]), [[null, null, null], [null, 'male', 'Rui'], [null, null, null]]);
  assert.equal(withoutKnown(analysis, (p) => p === 'p9').analysis, analysis, 'nothing to forget: the same analysis');
  assert.equal(analysis.clusters[0]?.known?.person, 'p1', 'the input is not changed');
});

test('corrections: a new tag or name of someone recognised, or "not them"; confirming, or editing a stranger, is none', () => {
  const analysis = recognised();
  const stored: Edit[] = [{ kind: 'name', cluster: 2, name: 'Guest', by: 'kim', at }];
  const recorded: Edit[] = [
    { kind: 'tag', cluster: 0, tag: 'female', by: 'kim', at }, // confirms the library
    { kind: 'tag', cluster: 1, tag: 'unknown', by: 'kim', at }, // corrects it
    { kind: 'name', cluster: 0, name: 'Ana Lima', by: 'kim', at }, // the library's own name
    { kind: 'name', cluster: 1, name: ' Rui Costa ', by: 'kim', at },
    { kind: 'tag', cluster: 2, tag: 'male', by: 'kim', at }, // a stranger
    { kind: 'not-known', cluster: 0, by: 'kim', at },
  ];
  assert.deepEqual(libraryCorrections(analysis, [...stored, ...recorded], recorded), [
    { kind: 'tag', person: 'p2', gender: 'unknown' },
    { kind: 'name', person: 'p2', name: 'Rui Costa' },
    { kind: 'not-them', person: 'p1', tracks: analysis.clusters[0]!.tracks },
  ]);
  assert.deepEqual(libraryCorrections(analysis, recorded.slice(0, 1), recorded.slice(0, 1)), []);
  // "not a face" is not a tag the library keeps: it is no correction of the library person's tag.
  const notFace: Edit[] = [{ kind: 'tag', cluster: 1, tag: 'not-face', by: 'kim', at }];
  assert.deepEqual(libraryCorrections(analysis, notFace, notFace), []);
});
