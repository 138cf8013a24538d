import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Edit, PersonView, Tag } from '../../../shared/src/analysis.js';
import { applyEdits, isEffectiveEdit, nextClusterId, pendingActions, validateEdit } from '../../../engine/src/stages/people/edits.js';
import { describeAction } from '../../../shared/src/edit-summary.js';
import { makeAnalysis, range } from '../report/analysis-fixture.js';

// 10 s at 2 samples/s: sample i at i/2 s stands for [i/2 − 0.25, i/2 + 0.25] (the first from 0).
const analysis = makeAnalysis({
  duration: 10,
  clusters: [
    [{ samples: range(0, 4), female: 0.9, quality: 0.4 }, { samples: range(10, 2), female: 0.8, quality: 0.7 }], // person 0: tracks 0, 1
    [{ samples: range(4, 4), female: 0.1 }], // person 1: track 2
    [{ samples: range(12, 4), female: null }], // person 2: track 3, never judged
  ],
});
const at = '2024-05-01T10:00:00.000Z';
const tag = (cluster: number, value: Tag, by = 'ana'): Extract<Edit, { kind: 'tag' }> => ({ kind: 'tag', cluster, tag: value, by, at });
const merge = (into: number, from: number): Edit => ({ kind: 'merge', into, from, by: 'ana', at });
const split = (cluster: number, tracks: number[], newCluster: number): Edit => ({ kind: 'split', cluster, tracks, newCluster, by: 'ana', at });
const undo: Edit = { kind: 'undo', by: 'ana', at };
const redo: Edit = { kind: 'redo', by: 'bo', at };
const person = (people: PersonView[], id: number): PersonView => {
  const found = people.find((p) => p.id === id);
  assert.ok(found, `person ${id} exists`);
  return found;
};
const close = (actual: number, expected: number): void => assert.ok(Math.abs(actual - expected) < 1e-9, `expected ${expected}, got ${actual}`);

test('without edits, each cluster is an untagged person with its own thumbnail', () => {
  const people = applyEdits(analysis, []);
  assert.deepEqual(people.map((p) => p.id), [0, 1, 2]);
  const first = person(people, 0);
  // Samples 0–3 → [0, 1.75] = 1.75 s; samples 10–11 → [4.75, 5.75] = 1 s.
  close(first.seconds, 2.75);
  assert.equal(first.faces, 6);
  assert.equal(first.tag, null);
  assert.equal(first.suggestion?.gender, 'female');
  assert.equal(first.thumbnail, 'thumbnails/cluster-0.jpg');
  assert.deepEqual(first.sourceClusters, [0]);
  assert.equal(person(people, 2).suggestion, null);
});

test('tagging the same way twice changes nothing, and undo then removes the one tag', () => {
  const once = applyEdits(analysis, [tag(0, 'female')]);
  const twice = applyEdits(analysis, [tag(0, 'female'), tag(0, 'female', 'retry')]);
  assert.deepEqual(twice, once);
  assert.equal(person(once, 0).tag, 'female');
  assert.equal(person(once, 0).tagOrigin, 'person');
  assert.equal(person(once, 0).taggedBy, 'ana');
  assert.equal(isEffectiveEdit(analysis, [tag(0, 'female')], tag(0, 'female')), false);
  assert.equal(isEffectiveEdit(analysis, [tag(0, 'female')], tag(0, 'male')), true);
  assert.equal(person(applyEdits(analysis, [tag(0, 'female'), tag(0, 'female'), undo]), 0).tag, null);
});

test('accepting suggestions tags only untagged people that have one', () => {
  const edits: Edit[] = [tag(1, 'unknown'), { kind: 'accept-suggestions', clusters: [0, 1, 2], by: 'bo', at }];
  const people = applyEdits(analysis, edits);
  assert.equal(person(people, 0).tag, 'female');
  assert.equal(person(people, 0).tagOrigin, 'suggestion');
  assert.equal(person(people, 0).taggedBy, 'bo');
  assert.equal(person(people, 1).tag, 'unknown', 'a person’s own tag is kept');
  assert.equal(person(people, 2).tag, null, 'no suggestion, no tag');
  assert.equal(isEffectiveEdit(analysis, edits, edits[1]!), false, 'accepting again changes nothing');
});

test('merge moves every track into the person that stays and keeps a tag', () => {
  const people = applyEdits(analysis, [tag(1, 'male'), merge(0, 1)]);
  assert.deepEqual(people.map((p) => p.id), [0, 2]);
  const merged = person(people, 0);
  assert.deepEqual(merged.tracks, [0, 1, 2]);
  assert.deepEqual(merged.sourceClusters, [0, 1]);
  // 2.75 s as before plus samples 4–7 → [1.75, 3.75] = 2 s.
  close(merged.seconds, 4.75);
  assert.equal(merged.tag, 'male', 'the untagged person takes the merged-in tag');
  // No longer exactly cluster 0: the thumbnail of the track with the best face (track 1, quality 0.7).
  assert.equal(merged.thumbnail, 'thumbnails/track-1.jpg');
  close(merged.showAt, 5.5);
  const kept = applyEdits(analysis, [tag(0, 'female'), tag(1, 'male'), merge(0, 1)]);
  assert.equal(person(kept, 0).tag, 'female', 'the staying person’s tag wins');
  assert.equal(validateEdit(analysis, [merge(0, 1)], tag(1, 'male'))?.code, 'cluster_unknown');
});

test('split moves tracks into a new untagged person with its own suggestion', () => {
  assert.equal(nextClusterId(analysis, []), 3);
  const people = applyEdits(analysis, [tag(0, 'female'), split(0, [1], 3)]);
  const rest = person(people, 0);
  const split3 = person(people, 3);
  assert.deepEqual(rest.tracks, [0]);
  close(rest.seconds, 1.75);
  assert.equal(rest.tag, 'female');
  assert.deepEqual(split3.tracks, [1]);
  close(split3.seconds, 1);
  assert.equal(split3.tag, null);
  assert.equal(split3.suggestion?.gender, 'female');
  assert.equal(split3.thumbnail, 'thumbnails/track-1.jpg');
  assert.deepEqual(split3.sourceClusters, [0]);
});

test('undo removes the newest edit in effect, one at a time, and split ids are never reused', () => {
  const edits: Edit[] = [tag(0, 'female'), split(0, [1], 3), undo];
  let people = applyEdits(analysis, edits);
  assert.deepEqual(people.map((p) => p.id), [0, 1, 2]);
  assert.equal(person(people, 0).tag, 'female');
  assert.equal(person(people, 0).thumbnail, 'thumbnails/cluster-0.jpg', 'back to the whole cluster');
  assert.equal(nextClusterId(analysis, edits), 4);
  assert.equal(validateEdit(analysis, edits, split(0, [1], 3))?.code, 'bad_request');
  people = applyEdits(analysis, [...edits, undo]);
  assert.equal(person(people, 0).tag, null);
  assert.equal(validateEdit(analysis, [...edits, undo], undo)?.code, 'nothing_to_undo');
  assert.equal(validateEdit(analysis, [], undo)?.code, 'nothing_to_undo');
  assert.equal(validateEdit(analysis, [tag(2, 'male')], undo), null);
});

test('undo and redo say which action and whose; redo brings back the newest undone action', () => {
  const edits: Edit[] = [tag(0, 'female'), tag(1, 'male', 'bo')];
  const pending = pendingActions(analysis, edits);
  assert.equal(describeAction(pending.undo ?? []), 'bo tagged Person 1 male');
  assert.equal(pending.redo, null);
  const undone = [...edits, undo, undo];
  assert.equal(person(applyEdits(analysis, undone), 0).tag, null);
  assert.equal(describeAction(pendingActions(analysis, undone).redo ?? []), 'ana tagged Person 0 female');
  assert.equal(pendingActions(analysis, undone).undo, null);
  const redone = [...undone, redo];
  assert.equal(person(applyEdits(analysis, redone), 0).tag, 'female');
  assert.equal(person(applyEdits(analysis, redone), 0).taggedBy, 'ana', 'redo brings the edit back as it was made');
  assert.equal(person(applyEdits(analysis, redone), 1).tag, null);
  assert.equal(describeAction(pendingActions(analysis, redone).redo ?? []), 'bo tagged Person 1 male');
  assert.equal(person(applyEdits(analysis, [...redone, redo]), 1).tag, 'male');
  assert.equal(validateEdit(analysis, [...redone, redo], redo)?.code, 'nothing_to_redo');
  // A new edit after an undo clears what could be redone, as in any editor.
  const branched = [...undone, tag(2, 'unknown')];
  assert.equal(pendingActions(analysis, branched).redo, null);
  assert.equal(validateEdit(analysis, branched, redo)?.code, 'nothing_to_redo');
  assert.equal(isEffectiveEdit(analysis, branched, redo), false);
});

test('a split in several steps is undone and redone as one action', () => {
  const group = 'split-0-now';
  const edits: Edit[] = [tag(0, 'male'), { ...split(0, [1], 3), group }];
  assert.equal(describeAction(pendingActions(analysis, edits).undo ?? []), 'ana moved a track of Person 0 to Person 3');
  const undone = [...edits, undo];
  assert.deepEqual(applyEdits(analysis, undone).map((p) => p.id), [0, 1, 2]);
  const redone = applyEdits(analysis, [...undone, redo]);
  assert.deepEqual(redone.map((p) => p.id), [0, 1, 2, 3]);
  assert.equal(person(redone, 0).tag, 'male', 'the person split keeps the tag');
  assert.equal(person(redone, 3).tag, null);
});

test('validateEdit names what is wrong', () => {
  assert.equal(validateEdit(analysis, [], tag(9, 'female'))?.code, 'cluster_unknown');
  assert.equal(validateEdit(analysis, [], split(0, [2], 3))?.code, 'track_unknown');
  assert.equal(validateEdit(analysis, [], split(0, [0, 1], 3))?.code, 'bad_request', 'nothing would stay');
  assert.equal(validateEdit(analysis, [], split(0, [], 3))?.code, 'bad_request');
  assert.equal(validateEdit(analysis, [], merge(1, 1))?.code, 'bad_request');
  assert.equal(validateEdit(analysis, [], { ...tag(0, 'female'), tag: 'woman' as Tag })?.code, 'bad_request');
  assert.equal(validateEdit(analysis, [], { ...tag(0, 'female'), by: ' ' })?.code, 'bad_request');
  assert.equal(validateEdit(analysis, [], tag(0, 'not-face')), null);
  assert.equal(validateEdit(analysis, [], split(0, [1], 3)), null);
});

test('a stored history with an invalid edit skips it', () => {
  const people = applyEdits(analysis, [tag(7, 'male'), tag(1, 'male')]);
  assert.equal(person(people, 1).tag, 'male');
  assert.equal(person(applyEdits(analysis, [tag(7, 'male'), tag(1, 'male'), undo]), 1).tag, null);
});

test('faces set aside never count towards a person', () => {
  const withAside = makeAnalysis({ duration: 4, clusters: [[{ samples: range(0, 4) }, { samples: range(4, 4), setAside: 'low-quality' }]] });
  const only = person(applyEdits(withAside, []), 0);
  assert.equal(only.faces, 4);
  close(only.seconds, 1.75);
});

test('one undo takes back every edit of one action (a split into several people)', () => {
  const three = makeAnalysis({
    duration: 10,
    clusters: [[{ samples: range(0, 2), female: 0.9 }, { samples: range(4, 2), female: 0.9 }, { samples: range(8, 2), female: 0.9 }]],
  });
  const edits: Edit[] = [
    tag(0, 'female'),
    { kind: 'split', cluster: 0, tracks: [1], newCluster: 1, by: 'ana', at, group: 'g' },
    { kind: 'split', cluster: 0, tracks: [2], newCluster: 2, by: 'ana', at, group: 'g' },
  ];
  assert.equal(applyEdits(three, edits).length, 3);
  const undone = applyEdits(three, [...edits, undo]);
  assert.deepEqual(undone.map((p) => p.tracks), [[0, 1, 2]]);
  assert.equal(undone[0]!.tag, 'female', 'the tag made before the split stays');
  assert.equal(applyEdits(three, [...edits, undo, undo])[0]!.tag, null, 'the next undo takes back the tag');
});

test('"check: may be two people" follows the person while it is that cluster; a split, a merge or its undo decide', () => {
  const doubtful = structuredClone(analysis);
  doubtful.clusters[0]!.doubt = { reason: 'two-groups', groups: [[1], [0]], similarity: 0.33 };
  const doubtOf = (edits: Edit[], id = 0) => person(applyEdits(doubtful, edits), id).doubt;
  assert.deepEqual(doubtOf([]), doubtful.clusters[0]!.doubt);
  assert.deepEqual(doubtOf([tag(0, 'female')]), doubtful.clusters[0]!.doubt, 'a tag says nothing about who is in the person');
  assert.equal(doubtOf([split(0, [0], 3)]), undefined, 'split as the flag proposes');
  assert.equal(doubtOf([split(0, [0], 3)], 3), undefined, 'the new person carries no flag');
  assert.equal(doubtOf([merge(0, 1)]), undefined, 'merged with someone else: a new person');
  assert.deepEqual(doubtOf([split(0, [0], 3), undo]), doubtful.clusters[0]!.doubt, 'undo brings the flag back');
  assert.equal(doubtOf([], 1), undefined);
});

test('a person carries the client that tagged it and whom it acted for; a stored edit with a bad "on behalf of" is skipped', () => {
  const forAna: Edit = { ...tag(0, 'female', 'slack-bot'), onBehalfOf: 'slack:U1' };
  const tagged = person(applyEdits(analysis, [forAna]), 0);
  assert.deepEqual([tagged.taggedBy, tagged.taggedOnBehalfOf], ['slack-bot', 'slack:U1']);
  assert.equal(person(applyEdits(analysis, [tag(0, 'female', 'cli')]), 0).taggedOnBehalfOf, null);
  const forged: Edit = { ...tag(1, 'male', 'slack-bot'), onBehalfOf: '<script>alert(1)</script>' };
  assert.match(validateEdit(analysis, [], forged)?.message ?? '', /onBehalfOf/);
  assert.equal(person(applyEdits(analysis, [forged]), 1).tag, null, 'a hand-edited history cannot smuggle markup in');
});
