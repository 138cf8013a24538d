import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis, Edit } from '../../../shared/src/analysis.js';
import { addPeople } from '../../../engine/src/stages/library/add-people.js';
import { EMPTY_LIBRARY, type LibraryState } from '../../../engine/src/stages/library/library-person.js';
import { recogniseAnalysis } from '../../../engine/src/stages/library/recognise-analysis.js';
import { applyEdits } from '../../../engine/src/stages/people/edits.js';
import { decodeTrackEmbeddings } from '../../../engine/src/stages/people/track-embeddings.js';
import { range } from '../report/analysis-fixture.js';
import { makeSignedAnalysis } from './library-fixture.js';

const at = '2024-05-01T10:00:00.000Z';
const ANA = 1;
const RUI = 2;
const STRANGER = 3;

/** A library holding Ana (female) and Rui (male), tagged and named by sam in an earlier video. */
function library(): LibraryState {
  const { analysis, embeddings } = makeSignedAnalysis({
    duration: 10,
    cuts: [5],
    clusters: [
      [{ identity: ANA, samples: range(0, 4), quality: 0.8 }, { identity: ANA, shot: 1, samples: range(12, 4), quality: 0.7 }],
      [{ identity: RUI, samples: range(4, 4), quality: 0.8 }],
    ],
  });
  const edits: Edit[] = [
    { kind: 'tag', cluster: 0, tag: 'female', by: 'sam', at },
    { kind: 'name', cluster: 0, name: 'Ana Lima', by: 'sam', at },
    { kind: 'tag', cluster: 1, tag: 'male', by: 'sam', at },
  ];
  return addPeople({ state: EMPTY_LIBRARY, analysis, analysisKey: 'first', people: applyEdits(analysis, edits), signatures: decodeTrackEmbeddings(embeddings, 'fixture'), by: { by: 'sam' }, at }).state;
}

function recogniseIn(spec: Parameters<typeof makeSignedAnalysis>[0]): Analysis {
  const { analysis, embeddings } = makeSignedAnalysis(spec);
  return recogniseAnalysis(analysis, decodeTrackEmbeddings(embeddings, 'fixture'), library());
}

test('a remembered person is recognised with name, tag and who tagged them; a stranger is not', () => {
  const analysis = recogniseIn({ duration: 10, clusters: [[{ identity: ANA, shot: 5, samples: range(0, 3) }], [{ identity: STRANGER, samples: range(6, 3) }], [{ identity: RUI, shot: 4, samples: range(10, 3) }]] });
  const [ana, stranger, rui] = analysis.clusters;
  assert.equal(ana?.known?.name, 'Ana Lima');
  assert.equal(ana?.known?.gender, 'female');
  assert.equal(ana?.known?.taggedBy, 'sam');
  assert.equal(ana?.known?.videos, 1);
  assert.ok(ana!.known!.similarity > 0.45 && ana!.known!.similarity <= 1);
  assert.equal(stranger?.known, null);
  assert.equal(rui?.known?.name, null, 'Rui has no name: the library person is recognised by face');
  assert.equal(rui?.known?.gender, 'male');
});

test('two people seen in the same frame are never the same library person', () => {
  // Clusters 0 and 1 both look like Ana and share samples 2–3: only one can be her.
  const analysis = recogniseIn({ duration: 10, clusters: [[{ identity: ANA, shot: 7, samples: range(0, 4) }], [{ identity: ANA, shot: 8, samples: range(2, 4) }]] });
  const recognised = analysis.clusters.filter((c) => c.known);
  assert.equal(recognised.length, 1);
  assert.equal(recognised[0]?.known?.name, 'Ana Lima');
});

test('one person found as two clusters in different frames is recognised twice', () => {
  const analysis = recogniseIn({ duration: 10, clusters: [[{ identity: ANA, shot: 7, samples: range(0, 4) }], [{ identity: ANA, shot: 8, samples: range(10, 4) }]] });
  assert.deepEqual(analysis.clusters.map((c) => c.known?.name), ['Ana Lima', 'Ana Lima']);
});

test('a library tag fills in the tag, marked as from the library; a tag given here always wins', () => {
  const analysis = recogniseIn({ duration: 10, clusters: [[{ identity: ANA, shot: 5, samples: range(0, 3), female: 0.1 }], [{ identity: RUI, shot: 4, samples: range(10, 3), female: 0.9 }]] });
  const before = applyEdits(analysis, []);
  assert.deepEqual(before.map((p) => [p.tag, p.tagOrigin, p.taggedBy, p.name]), [['female', 'library', 'sam', 'Ana Lima'], ['male', 'library', 'sam', null]]);
  // Accepting suggestions never replaces a library tag (the suggestion for Ana says male here).
  const accepted = applyEdits(analysis, [{ kind: 'accept-suggestions', clusters: [0, 1], by: 'kim', at }]);
  assert.deepEqual(accepted.map((p) => p.tagOrigin), ['library', 'library']);
  // A person's tag here wins, and stays through a merge with a library-tagged person.
  const corrected = applyEdits(analysis, [{ kind: 'tag', cluster: 0, tag: 'unknown', by: 'kim', at }]);
  assert.deepEqual([corrected[0]?.tag, corrected[0]?.tagOrigin, corrected[0]?.taggedBy], ['unknown', 'person', 'kim']);
  const merged = applyEdits(analysis, [{ kind: 'tag', cluster: 1, tag: 'female', by: 'kim', at }, { kind: 'merge', into: 0, from: 1, by: 'kim', at }]);
  assert.deepEqual([merged[0]?.tag, merged[0]?.tagOrigin], ['female', 'person']);
});

test('"not them" removes the recognition and its tag, and undo brings them back', () => {
  const analysis = recogniseIn({ duration: 10, clusters: [[{ identity: ANA, shot: 5, samples: range(0, 3) }]] });
  const notThem: Edit = { kind: 'not-known', cluster: 0, by: 'kim', at };
  const [after] = applyEdits(analysis, [notThem]);
  assert.deepEqual([after?.known, after?.tag, after?.name], [null, null, null]);
  const [undone] = applyEdits(analysis, [notThem, { kind: 'undo', by: 'kim', at }]);
  assert.equal(undone?.known?.name, 'Ana Lima');
  assert.equal(undone?.tagOrigin, 'library');
});

test('a library made with another embedding model recognises nobody', () => {
  const { analysis, embeddings } = makeSignedAnalysis({ duration: 10, clusters: [[{ identity: ANA, shot: 5, samples: range(0, 3) }]] });
  const other = recogniseAnalysis(analysis, { ...decodeTrackEmbeddings(embeddings, 'fixture'), model: 'embedder:other' }, library());
  assert.equal(other.clusters[0]?.known, null);
});
