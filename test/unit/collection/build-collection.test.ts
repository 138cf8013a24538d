import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { VideoSummary } from '../../../shared/src/collection.js';
import { buildCollection } from '../../../engine/src/stages/collection/build-collection.js';
import { buildCollectionCsv } from '../../../engine/src/stages/collection/collection-csv.js';
import { collectionChartSpecs } from '../../../engine/src/stages/collection/collection-charts.js';

const now = new Date('2026-12-07T00:00:00Z');
const close = (actual: number | null, expected: number, what: string) => assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${what}: expected ${expected}, got ${actual}`);

function video(id: string, date: string, duration: number, female: number, male: number, persons: VideoSummary['persons'], range = { low: female / duration, high: female / duration }): VideoSummary {
  return {
    id, title: `Episode ${id}`, source: `${id}.mp4`, date, dateSource: 'given', duration,
    screenTime: { female: { seconds: female, share: female / duration }, male: { seconds: male, share: male / duration }, unknown: { seconds: 0, share: 0 } },
    femaleShareRange: range,
    people: { female: persons.filter((p) => p.tag === 'female').length, male: persons.filter((p) => p.tag === 'male').length, unknown: 0, untagged: persons.filter((p) => p.tag === null).length },
    tagging: { byPerson: persons.filter((p) => p.tag).length, fromLibrary: 0, acceptedSuggestion: 0, untagged: persons.filter((p) => !p.tag).length },
    persons,
  };
}
const person = (id: number, tag: VideoSummary['persons'][number]['tag'], seconds: number, name: string | null = null, libraryPerson: string | null = null) => ({ id, tag, seconds, name, libraryPerson });

// Three videos over two months; the presenter is remembered by the library in all three, a guest is named alike in two.
const videos = [
  video('c', '2026-02-03', 300, 120, 200, [person(0, 'female', 100, 'Ana Ruiz', 'lib-1'), person(1, 'male', 200, 'Guest Lee')]),
  video('a', '2026-01-05', 100, 60, 50, [person(0, 'female', 60, null, 'lib-1'), person(1, 'male', 50)], { low: 0.5, high: 0.7 }),
  video('b', '2026-01-20', 200, 20, 150, [person(2, 'female', 20, 'ana ruiz', 'lib-1'), person(0, 'male', 150, 'guest lee'), person(1, null, 5)]),
];

test('totals add up: seconds summed over the videos, shares over the summed duration', () => {
  const c = buildCollection({ name: 'Evening news', periodKind: 'month', videos, now });
  assert.equal(c.total.videos, 3);
  assert.equal(c.total.duration, 600);
  assert.equal(c.total.duration, c.videos.reduce((s, v) => s + v.duration, 0));
  close(c.total.screenTime.female.seconds, 200, 'female seconds');
  close(c.total.screenTime.female.share, 200 / 600, 'female share');
  close(c.total.screenTime.male.share, 400 / 600, 'male share');
  close(c.total.femaleShareOfGendered, 200 / 600, 'female share of gendered');
  // Range: each video's own range weighted by its duration.
  close(c.total.femaleShareRange.low, (0.5 * 100 + 0.1 * 200 + 0.4 * 300) / 600, 'range low');
  close(c.total.femaleShareRange.high, (0.7 * 100 + 0.1 * 200 + 0.4 * 300) / 600, 'range high');
  assert.ok(c.total.femaleShareRange.low <= c.total.screenTime.female.share && c.total.screenTime.female.share <= c.total.femaleShareRange.high);
});

test('videos come in date order; periods group them and add up to the total', () => {
  const c = buildCollection({ name: 'Evening news', periodKind: 'month', videos, now });
  assert.deepEqual(c.videos.map((v) => v.id), ['a', 'b', 'c']);
  assert.deepEqual(c.periods.map((p) => [p.period, p.videos, p.duration]), [['2026-01', 2, 300], ['2026-02', 1, 300]]);
  close(c.periods[0]!.screenTime.female.share, 80 / 300, 'January women');
  assert.equal(c.periods.reduce((s, p) => s + p.screenTime.male.seconds, 0), c.total.screenTime.male.seconds);
  assert.deepEqual(c.dateSources, { given: 3 });
});

test('a remembered or named person counts once across their videos; anyone else once per video', () => {
  const c = buildCollection({ name: 'Evening news', periodKind: 'week', videos, now });
  const presenter = c.people.find((p) => p.key === 'library:lib-1');
  assert.ok(presenter);
  assert.equal(presenter.seconds, 180);
  assert.deepEqual(presenter.videos.sort(), ['a', 'b', 'c']);
  assert.equal(presenter.name, 'Ana Ruiz');
  const guest = c.people.find((p) => p.key === 'name:guest lee');
  assert.equal(guest?.seconds, 350);
  assert.equal(c.people[0], guest, 'most seen first');
  // presenter, guest, the unnamed man of video a, the untagged person of video b.
  assert.equal(c.people.length, 4);
  assert.deepEqual(c.total.people, { female: 1, male: 2, unknown: 0, untagged: 1 });
  assert.equal(c.people.reduce((s, p) => s + p.seconds, 0), 100 + 200 + 60 + 50 + 20 + 150 + 5);
});

test('a person tagged differently in two videos takes the tag of most of their time', () => {
  const c = buildCollection({ name: 'x', periodKind: 'month', now, videos: [
    video('a', '2026-01-01', 100, 10, 0, [person(0, 'female', 10, 'Sam')]),
    video('b', '2026-01-02', 100, 0, 40, [person(0, 'male', 40, 'Sam')]),
  ] });
  assert.equal(c.people[0]?.gender, 'male');
});

test('charts, CSV and definitions come from the same figures', () => {
  const c = buildCollection({ name: 'Evening news', periodKind: 'month', videos, now });
  const specs = collectionChartSpecs(c);
  assert.deepEqual(specs.videos.series[0]!.values.map((v) => Math.round(v)), [60, 10, 40]);
  assert.deepEqual(specs.trend.categories, ['2026-01', '2026-02']);
  assert.match(specs.videos.title, /33% of the time, men 67%/);
  assert.equal(specs.people.labels[0], 'Guest Lee');
  const csv = buildCollectionCsv(c);
  assert.match(csv, /^\uFEFFmetric,group,value,unit,definition\r\n/);
  assert.match(csv, /total\.duration,,600,seconds,/);
  assert.match(csv, /total\.screenTime\.share,female,0\.333333,share \(0-1\)/);
  for (const key of ['total.screenTime.female.share', 'total.femaleShareRange', 'people', 'periods', 'videos.date']) assert.ok(c.definitions[key], key);
});

test('someone named where the library learnt them, then recognised by the library (named or not), counts once', () => {
  // Monday: named and tagged by a person (then added to the library); Tuesday: recognised as lib-7 and
  // named; Wednesday: recognised as lib-7 with no name given. A different Ana elsewhere stays apart.
  const c = buildCollection({ name: 'x', periodKind: 'month', now, videos: [
    video('mon', '2026-03-02', 100, 30, 0, [person(0, 'female', 30, 'Ana Lima'), person(1, 'female', 5, 'Ana Costa')]),
    video('tue', '2026-03-03', 100, 20, 0, [person(3, 'female', 20, 'Ana Lima', 'lib-7')]),
    video('wed', '2026-03-04', 100, 10, 0, [person(5, 'female', 10, null, 'lib-7')]),
    video('thu', '2026-03-05', 100, 0, 0, [person(2, 'female', 4, null, 'lib-7'), person(4, 'female', 1, 'ana lima')]),
  ] });
  const ana = c.people.filter((p) => p.name?.toLowerCase() === 'ana lima');
  assert.equal(ana.length, 1);
  assert.equal(ana[0]!.key, 'library:lib-7');
  assert.equal(ana[0]!.seconds, 30 + 20 + 10 + 4 + 1);
  assert.deepEqual(ana[0]!.videos, ['mon', 'tue', 'wed', 'thu']);
  assert.equal(c.people.length, 2);
});
