import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from 'preact-render-to-string';
import type { SpeechSpan } from '../../../shared/src/api/types.js';
import { speakerRuns, WhoSpeaks } from '../../../shared/src/ui/WhoSpeaks.js';
import { makePerson } from './ui-fixtures.js';

const span = (start: number, end: number, person: number | null, voice: string | null): SpeechSpan => ({ start, end, person, voice });

function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;|\s+/g, ' ').trim();
}

test('speakerRuns joins consecutive speech of one speaker, counting speech only, and keeps the voices in order', () => {
  const speech = [span(10, 12, 1, 'v1'), span(0.5, 2.5, 0, 'v0'), span(3, 5, 0, 'v2'), span(6, 8, null, 'v2'), span(8, 9, null, null), span(12, 13, 1, 'v1')];
  assert.deepEqual(speakerRuns(speech), [
    { start: 0.5, end: 5, person: 0, voices: ['v0', 'v2'], seconds: 4 },
    { start: 6, end: 9, person: null, voices: ['v2'], seconds: 3 },
    { start: 10, end: 13, person: 1, voices: ['v1'], seconds: 3 },
  ]);
  assert.deepEqual(speakerRuns([]), []);
});

test('WhoSpeaks shows the first runs with "show all", the speaker selected, and only people who can speak', () => {
  const speech = [span(0.5, 2.5, 0, 'v0'), span(63, 65, 1, 'v1'), span(66, 68, null, 'v2'), span(70, 71, 0, 'v0')];
  const people = [makePerson(0), makePerson(1, { name: 'Ada' }), makePerson(2, { tag: 'not-face' })];
  const html = render(<WhoSpeaks speech={speech} people={people} onCorrect={() => undefined} limit={3} />);
  const rows = [...html.matchAll(/<li class="os-speaks__row"[^>]*>(.*?)<\/li>/g)].map((m) => m[1] ?? '');
  assert.equal(rows.length, 3);
  assert.match(textOf(rows[0]!), /^0:00–0:02 Person 0 2 s, voice v0 Off screen Person 0 Person 1 \(Ada\)$/);
  assert.match(textOf(rows[1]!), /^1:03–1:05 Person 1 2 s, voice v1/);
  assert.match(textOf(rows[2]!), /^1:06–1:08 off screen 2 s, voice v2/);
  assert.match(rows[1]!, /<select aria-label="Who speaks 1:03–1:05"/);
  assert.doesNotMatch(html, /Person 2/, 'someone tagged "not a face" is not offered as a speaker');
  const selected = rows.map((row) => /<option selected value="([^"]+)"/.exec(row)?.[1]);
  assert.deepEqual(selected, ['0', '1', 'off']);
  assert.match(textOf(html), /Show all 4$/);
  assert.doesNotMatch(render(<WhoSpeaks speech={speech} people={people} limit={4} />), /Show all|<select/);
  assert.match(textOf(render(<WhoSpeaks speech={[]} people={people} />)), /No speech found in the sound\./);
});
