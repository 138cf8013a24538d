import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameByVoice, type NamedPiece, type PieceMouths } from '../../../engine/src/stages/speech/name-by-voice.js';

const piece = (start: number, end: number, voice: string | null, person: number | null = null): NamedPiece => ({ start, end, voice, person, confidence: person === null ? null : 0.5 });
const mouths = (start: number, end: number, ...candidates: [number | null, number][]): PieceMouths => ({ start, end, candidates: candidates.map(([person, correlation]) => ({ person, correlation })) });

// Voice v0 is linked to person 7 (seen speaking it clearly elsewhere); v1 is heard only off screen.
const linked = new Map<string, number | null>([
  ['v0', 7],
  ['v1', null],
]);

test("a doubtful piece of a linked voice goes to its person when only their mouth moves on screen", () => {
  const [named] = nameByVoice([piece(3, 6, 'v0')], linked, [mouths(3, 6, [7, 0.18])]);
  assert.equal(named!.person, 7);
  assert.equal(named!.confidence, 0.18);
});

test('a voice over someone else on screen stays with nobody seen: its person is not on screen', () => {
  // Person 2 moves their mouth (B-roll) while person 7's voice is heard.
  const [named] = nameByVoice([piece(13, 15, 'v0')], linked, [mouths(13, 15, [2, 0.1])]);
  assert.equal(named!.person, null);
  // A photo of person 7 under their own voice: a still mouth is never a candidate.
  const [photo] = nameByVoice([piece(13, 15, 'v0')], linked, [mouths(13, 15)]);
  assert.equal(photo!.person, null);
});

test('another face whose mouth moves with the sound leaves the piece to nobody (a listener who seems to speak)', () => {
  const [named] = nameByVoice([piece(93, 96, 'v0')], linked, [mouths(93, 96, [7, 0.22], [2, 0.4])]);
  assert.equal(named!.person, null);
  // A listener out of step does not stop it.
  const [quiet] = nameByVoice([piece(93, 96, 'v0')], linked, [mouths(93, 96, [7, 0.22], [2, 0.05])]);
  assert.equal(quiet!.person, 7);
});

test("the voice's person moving their mouth clearly against the sound is not named (chance alone stays within 0.2)", () => {
  const [named] = nameByVoice([piece(51, 56, 'v0')], linked, [mouths(51, 56, [7, -0.35])]);
  assert.equal(named!.person, null);
  const [chance] = nameByVoice([piece(51, 56, 'v0')], linked, [mouths(51, 56, [7, -0.16])]);
  assert.equal(chance!.person, 7);
  assert.equal(chance!.confidence, 0, 'the confidence is the correlation, at least 0');
});

test('pieces already named, without a voice, or of an unlinked voice are untouched', () => {
  const pieces = [piece(1, 2, 'v0', 3), piece(2, 3, null), piece(3, 4, 'v1')];
  const named = nameByVoice(pieces, linked, [mouths(1, 4, [7, 0.9])]);
  assert.deepEqual(named, pieces);
});

test('a piece takes the judgement of the stretch it overlaps most', () => {
  const judged = [mouths(0, 4, [7, 0.3]), mouths(4, 8, [7, 0.3], [2, 0.5])];
  const named = nameByVoice([piece(1, 4.5, 'v0'), piece(4.2, 8, 'v0')], linked, judged);
  assert.deepEqual(named.map((p) => p.person), [7, null]);
});
