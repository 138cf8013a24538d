import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Known } from '../../../shared/src/library.js';
import { checkName, describeKnown } from '../../../shared/src/library.js';
import { describeTagOrigin } from '../../../shared/src/ui/format.js';
import { buildPeoplePage, sortPeople } from '../../../bot/src/blocks/people.blocks.js';
import { makePerson } from '../bot/fixtures.js';
import { chartSpecs } from '../../../engine/src/stages/report/chart-specs.js';
import { makeReport } from '../ui/ui-fixtures.js';

const known: Known = { person: 'p3', name: 'Ana <Lima>', gender: 'female', similarity: 0.81, taggedBy: 'sam', videos: 4 };

test('every surface says "Recognised: <name, or seen in N videos>, tagged <gender> by <who>"', () => {
  assert.equal(describeKnown(known), 'Recognised: Ana <Lima>, tagged female by sam');
  assert.equal(describeKnown({ ...known, name: null }), 'Recognised: seen in 4 videos, tagged female by sam');
  assert.equal(describeKnown({ ...known, name: null, videos: 1 }), 'Recognised: seen in 1 video, tagged female by sam');
  // The library keeps the client and the person apart, as the edit history does; said as the history says it.
  assert.equal(describeKnown({ ...known, taggedBy: 'newsroom', taggedOnBehalfOf: 'sam' }), 'Recognised: Ana <Lima>, tagged female by sam (via newsroom)');
  assert.equal(describeTagOrigin('female', 'library', 'sam', known), 'Recognised: Ana <Lima>, tagged female by sam');
  assert.equal(describeTagOrigin('male', 'person', 'kim', known), 'Tagged Male by kim', 'a tag given here is described as such');
});

test('the Slack people page shows the recognition, escaped', () => {
  const people = sortPeople([makePerson(0, { tag: 'female', tagOrigin: 'library', taggedBy: 'sam', known, name: known.name })]);
  const page = buildPeoplePage({ jobId: 'a1b2c3d4-0000-4000-8000-123456789abc', people, page: 0, videoLabel: 'News', duration: 60, faceUrl: () => 'https://bot.example/t.jpg', finishedBy: null, layout: 'full' });
  const text = JSON.stringify(page.blocks);
  assert.ok(text.includes('Recognised: Ana &lt;Lima&gt;, tagged female by sam'), text);
});

test('names: empty, too long or with line breaks are refused; ordinary names pass', () => {
  assert.equal(checkName('Ana Lima'), null);
  assert.equal(checkName('José María Ñúñez-O’Brien'), null);
  assert.match(checkName('') ?? '', /empty/);
  assert.match(checkName(' \t ') ?? '', /empty/);
  assert.match(checkName('a'.repeat(500)) ?? '', /at most 120 characters; this one has 500/);
  assert.match(checkName('Ana\nLima') ?? '', /line breaks/);
});

test('the charts\' source line counts people recognised from the library apart from people tagged by hand', () => {
  const report = makeReport();
  report.quality = { ...report.quality, clustersTaggedByPerson: 1, clustersAcceptedSuggestion: 0, clustersRecognised: 2, clustersUntagged: 1 };
  assert.match(chartSpecs(report).share.source, /1 people tagged by hand, 2 recognised from the people library, 1 untagged/);
});
