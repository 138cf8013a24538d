import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OnscreenError } from '../../../shared/src/errors.js';
import {
  colourOf,
  COLOURS,
  countPeople,
  describeError,
  describeSuggestion,
  describeTagOrigin,
  formatClock,
  formatDuration,
  formatEta,
  formatPercent,
  formatPercentRange,
  personLabel,
} from '../../../shared/src/ui/format.js';
import { formatSpan } from '../../../shared/src/format/clock.js';

test('formatPercent rounds a fraction, keeps a decimal under 10% and shows a dash for no value', () => {
  assert.equal(formatPercent(0.045), '4.5%');
  assert.equal(formatPercent(0.0004), '<0.1%');
  assert.equal(formatPercent(0), '0%');
  assert.equal(formatPercent(0.4249), '42%');
  assert.equal(formatPercent(0.4251), '43%');
  assert.equal(formatPercent(1), '100%');
  assert.equal(formatPercent(0.12345, 1), '12.3%');
  assert.equal(formatPercent(null), '–');
  assert.equal(formatPercent(Number.NaN), '–');
});

test('formatPercentRange joins two ends, or gives one figure when they round the same', () => {
  assert.equal(formatPercentRange(0.312, 0.381), '31–38%');
  assert.equal(formatPercentRange(0.5, 0.501), '50%');
});

test('formatDuration reads as seconds, minutes or hours', () => {
  assert.equal(formatDuration(0), '0 s');
  assert.equal(formatDuration(4.25), '4.3 s');
  assert.equal(formatDuration(42.4), '42 s');
  assert.equal(formatDuration(9.96), '10 s');
  assert.equal(formatDuration(59.6), '1 min');
  assert.equal(formatDuration(185), '3 min 5 s');
  assert.equal(formatDuration(3600), '1 h');
  assert.equal(formatDuration(3723), '1 h 2 min');
  assert.equal(formatDuration(-1), '–');
});

test('formatClock writes a player position', () => {
  assert.equal(formatClock(0), '0:00');
  assert.equal(formatClock(65.9), '1:05');
  assert.equal(formatClock(3723), '1:02:03');
});

test('formatSpan writes a span of the video as two player positions', () => {
  assert.equal(formatSpan(0.5, 2.5), '0:00–0:02');
  assert.equal(formatSpan(63, 3723), '1:03–1:02:03');
});

test('formatEta says the time left in words', () => {
  assert.equal(formatEta(null), 'working out the time left');
  assert.equal(formatEta(12), 'less than a minute left');
  assert.equal(formatEta(70), 'about a minute left');
  assert.equal(formatEta(125), 'about 2 minutes left');
  assert.equal(formatEta(59 * 60), 'about 59 minutes left');
  assert.equal(formatEta(3600), 'about an hour left');
  assert.equal(formatEta(3 * 3600 + 100), 'about 3 hours left');
});

test('describeSuggestion uses words, not codes', () => {
  assert.equal(describeSuggestion({ gender: 'female', confidence: 0.92 }), 'Suggested: woman 92%');
  assert.equal(describeSuggestion({ gender: 'male', confidence: 0.5 }), 'Suggested: man 50%');
  assert.equal(describeSuggestion({ gender: 'not-speech', confidence: 0.7 }), 'Suggested: not speech (music-like) 70%');
  assert.equal(describeSuggestion(null), null);
});

test('describeTagOrigin says who set the tag and how', () => {
  assert.equal(describeTagOrigin(null, null, null), 'Not tagged yet');
  assert.equal(describeTagOrigin('not-face', 'person', 'ana'), 'Tagged Not a face by ana');
  assert.equal(describeTagOrigin('female', 'suggestion', 'ana'), 'Suggestion accepted by ana');
  assert.equal(describeTagOrigin('male', 'person', null), 'Tagged Male');
});

test('colours are the same for a tag and its report group', () => {
  assert.equal(colourOf('female'), '#E66100');
  assert.equal(colourOf('male'), '#5D3A9B');
  assert.equal(colourOf('unknown'), COLOURS.unknown);
  assert.equal(colourOf('not-face'), COLOURS.notFace);
  assert.equal(colourOf(null), COLOURS.notFace);
});

test('people are counted and named in plain words', () => {
  assert.equal(countPeople(1), '1 person');
  assert.equal(countPeople(0), '0 people');
  assert.equal(personLabel(3), 'Person 3');
});

test('describeError gives an OnscreenError its message and hint, and hides anything else', () => {
  const error = new OnscreenError('unavailable', 'The engine could not be reached.', { hint: 'Is it running?' });
  assert.equal(describeError(error), 'The engine could not be reached. Is it running?');
  assert.equal(describeError(new OnscreenError('nothing_to_undo')), 'There is nothing to undo.');
  const internal = describeError(new TypeError('Cannot read properties of undefined (reading "x")'));
  assert.doesNotMatch(internal, /undefined|TypeError/);
  assert.match(internal, /Something went wrong/);
});
