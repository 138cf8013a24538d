import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarizeAnalysis } from '../../../engine/src/cli/analysis-output.js';
import { makeAnalysis, range } from '../report/analysis-fixture.js';

test('analyze names each person flagged "check: may be two people", with the split command to paste', () => {
  const analysis = makeAnalysis({ duration: 10, clusters: [[{ samples: range(0, 4) }, { samples: range(10, 4) }, { samples: range(15, 2) }], [{ samples: range(5, 2) }]] });
  assert.equal(summarizeAnalysis(analysis, 'out').filter((l) => l.includes('may be two people')).length, 0);
  analysis.clusters[0]!.doubt = { reason: 'two-groups', groups: [[0, 2], [1]], similarity: 0.35 };
  const lines = summarizeAnalysis(analysis, 'out').filter((l) => l.includes('may be two people'));
  assert.deepEqual(lines, [
    'Person 0 (out/thumbnails/cluster-0.jpg): Check: may be two people. The faces either side of the bar look less alike than one person’s usually do. If so: `npx onscreen split out 0 1`.',
  ]);
});

test('analyze says plainly when there is no sound or no speech, and how much speech came from someone seen', () => {
  const analysis = makeAnalysis({ duration: 10, clusters: [[{ samples: range(0, 4) }]] });
  const speechLine = () => summarizeAnalysis(analysis, 'out').filter((l) => /speech/i.test(l));
  assert.deepEqual(speechLine(), [], 'an analysis from before speech was measured says nothing');
  analysis.sound = { status: 'none', speechSeconds: 0 };
  assert.deepEqual(speechLine(), ['No sound track: no speech to measure (the screen-time figures stand).']);
  analysis.sound = { status: 'no-speech', speechSeconds: 0 };
  assert.deepEqual(speechLine(), ['No speech found in the sound (the screen-time figures stand).']);
  analysis.sound = { status: 'speech', speechSeconds: 5 };
  analysis.speech = [
    { start: 0, end: 2, voice: null, person: 0, confidence: 0.5 },
    { start: 4, end: 7, voice: null, person: null, confidence: null },
  ];
  assert.deepEqual(speechLine(), ['Speech: 5.0 s found; 2.0 s of it from a person seen speaking, the rest from nobody seen (off screen, or not told apart).']);
});
