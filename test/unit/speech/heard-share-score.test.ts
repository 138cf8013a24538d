import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreHeardShare, suggestionEdits, truthEdits } from '../../../scripts/eval/heard-share-score.js';
import type { HeardTruth } from '../../../scripts/eval/speech-score.js';
import { makeSpokenAnalysis } from '../report/speech-fixture.js';

// The truth behind test/unit/report/speech-fixture.ts: Ana (cluster 0) and Bob (cluster 1) seen
// speaking, Cara heard over nothing (v2), Dan (cluster 2) seen but silent, Ana heard off screen
// at 9–9.5 s (v0); the 8–9 s sound (v3) is music, nobody's speech.
const person = (identity: string, gender: 'F' | 'M') => ({ identity, gender, position: 'full' as const });
const heard = (identity: string, gender: 'F' | 'M', onScreen: boolean, speech: [number, number][]) => ({ ...person(identity, gender), on_screen: onScreen, speech });
const TRUTH: HeardTruth = {
  duration_s: 10,
  shots: [
    { kind: 'talk', start_s: 0, end_s: 2, visible: [person('ana', 'F')], audio: heard('ana', 'F', true, [[0, 1.5]]) },
    { kind: 'talk', start_s: 2, end_s: 4, visible: [person('bob', 'M')], audio: heard('bob', 'M', true, [[2, 3.5]]) },
    { kind: 'voiceover', start_s: 4, end_s: 5, visible: [], audio: heard('cara', 'F', false, [[4, 5]]) },
    { kind: 'talk', start_s: 5, end_s: 6, visible: [person('ana', 'F')], audio: heard('ana', 'F', true, [[5, 5.5]]) },
    { kind: 'broll', start_s: 6, end_s: 8, visible: [person('dan', 'M')], audio: null },
    { kind: 'voiceover', start_s: 8, end_s: 10, visible: [], audio: heard('ana', 'F', false, [[9, 9.5]]) },
  ],
};

test('tags from the truth: people by their matched identity, voices by their main speaker; a voice nobody speaks in stays untagged', () => {
  const edits = truthEdits(makeSpokenAnalysis(), TRUTH).map((e) => (e.kind === 'tag' ? `p${e.cluster}=${e.tag}` : e.kind === 'tag-voice' ? `${e.voice}=${e.tag}` : e.kind));
  assert.deepEqual(edits.sort(), ['p0=female', 'p1=male', 'p2=male', 'v0=female', 'v1=male', 'v2=female']);
});

test('suggestions accepted: every person asked, each voice with a suggestion tagged by it', () => {
  const edits = suggestionEdits(makeSpokenAnalysis());
  assert.deepEqual(edits[0], { kind: 'accept-suggestions', clusters: [0, 1, 2], by: 'eval', at: '2026-01-01T00:00:00.000Z' });
  assert.deepEqual(edits.slice(1).map((e) => (e.kind === 'tag-voice' ? `${e.voice}=${e.tag}` : e.kind)), ['v0=female', 'v1=female', 'v2=female', 'v3=female']);
});

test('the women\'s share of speech through the report, against the truth\'s', () => {
  const f = scoreHeardShare(makeSpokenAnalysis(), TRUTH);
  // Truth: Ana 1.5 + 0.5 + 0.5 s, Cara 1 s, Bob 1.5 s → 3.5 / 5.
  assert.ok(Math.abs(f.truthShare! - 0.7) < 1e-9, `truth ${f.truthShare}`);
  // From the truth: the same 3.5 / 5; the music (v3, 1 s) is left untagged.
  assert.ok(Math.abs(f.fromTruth.femaleShare! - 0.7) < 1e-9, `from truth ${f.fromTruth.femaleShare}`);
  assert.ok(Math.abs(f.fromTruth.untaggedSeconds - 1) < 1e-9);
  assert.ok(Math.abs(f.fromTruth.totalSeconds - 6) < 1e-9);
  // Suggestions: Bob seen speaking stays a man (his face says so), every voice says female, music included: 4.5 / 6.
  assert.ok(Math.abs(f.suggestionsAccepted.femaleShare! - 0.75) < 1e-9, `suggestions ${f.suggestionsAccepted.femaleShare}`);
  assert.equal(f.suggestionsAccepted.untaggedSeconds, 0);
});

test('no gendered speech in the truth: no share, not zero', () => {
  const silent: HeardTruth = { duration_s: 10, shots: [{ kind: 'silent', start_s: 0, end_s: 10, visible: [], audio: null }] };
  assert.equal(scoreHeardShare(makeSpokenAnalysis(), silent).truthShare, null);
});
