import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Edit, Tag, VoiceTag } from '../../../shared/src/analysis.js';
import { editedState, isEffectiveEdit, pendingActions, validateEdit } from '../../../engine/src/stages/people/edits.js';
import { describeAction } from '../../../shared/src/edit-summary.js';
import { makeSpokenAnalysis } from '../report/speech-fixture.js';

const analysis = makeSpokenAnalysis();
const at = '2026-12-07T08:00:00.000Z';
const tag = (cluster: number, value: Tag): Edit => ({ kind: 'tag', cluster, tag: value, by: 'ana', at });
const tagVoice = (voice: string, value: VoiceTag): Extract<Edit, { kind: 'tag-voice' }> => ({ kind: 'tag-voice', voice, tag: value, by: 'ana', at });
const speaker = (start: number, end: number, person: number | null): Extract<Edit, { kind: 'speaker' }> => ({ kind: 'speaker', start, end, person, by: 'ana', at });
const undo: Edit = { kind: 'undo', by: 'ana', at };
const redo: Edit = { kind: 'redo', by: 'bo', at };
const voice = (edits: Edit[], id: string) => {
  const found = editedState(analysis, edits).voices.find((v) => v.id === id);
  assert.ok(found, `voice ${id} exists`);
  return found;
};

test('a voice takes its linked person\'s tag until it is tagged itself', () => {
  assert.equal(voice([], 'v0').counts, null);
  const linked = voice([tag(0, 'female')], 'v0');
  assert.deepEqual([linked.tag, linked.counts, linked.countsFrom, linked.person], [null, 'female', 'person', 0]);
  const own = voice([tag(0, 'female'), tagVoice('v0', 'unknown')], 'v0');
  assert.deepEqual([own.tag, own.counts, own.countsFrom, own.taggedBy], ['unknown', 'unknown', 'voice', 'ana']);
  const offScreen = voice([tag(0, 'female')], 'v2');
  assert.deepEqual([offScreen.person, offScreen.counts], [null, null], 'an off-screen voice has no person to follow');
  assert.equal(voice([tag(0, 'not-face')], 'v0').counts, null, '"not a face" is no tag for a voice');
  assert.equal(voice([], 'v2').sample, 'voices/v2.m4a');
  assert.equal(voice([{ kind: 'merge', into: 1, from: 0, by: 'ana', at }], 'v0').person, 1, 'the link follows a merge');
});

test('voice tags and speaker corrections undo and redo like tags', () => {
  const edits: Edit[] = [tag(0, 'female'), tagVoice('v2', 'male'), speaker(4, 5, 2)];
  assert.deepEqual(pendingActions(analysis, edits).undo, [speaker(4, 5, 2)]);
  const afterUndo = [...edits, undo];
  assert.deepEqual(pendingActions(analysis, afterUndo).undo, [tagVoice('v2', 'male')]);
  assert.equal(editedState(analysis, afterUndo).persons.find((p) => p.id === 2)?.speakingSeconds, 0);
  const twice = [...afterUndo, undo];
  assert.equal(voice(twice, 'v2').tag, null);
  const back = [...twice, redo];
  assert.equal(voice(back, 'v2').tag, 'male');
  assert.equal(editedState(analysis, [...back, redo]).persons.find((p) => p.id === 2)?.speakingSeconds, 1);
});

test('a repeated voice tag or correction changes nothing', () => {
  assert.equal(isEffectiveEdit(analysis, [tagVoice('v2', 'male')], tagVoice('v2', 'male')), false);
  assert.equal(isEffectiveEdit(analysis, [tagVoice('v2', 'male')], tagVoice('v2', 'female')), true);
  assert.equal(isEffectiveEdit(analysis, [speaker(4, 5, 2)], speaker(4, 5, 2)), false);
  assert.equal(isEffectiveEdit(analysis, [speaker(4, 5, 2)], speaker(4, 5, null)), true);
});

test('bad voice edits are refused with one clear reason', () => {
  assert.equal(validateEdit(analysis, [], tagVoice('v9', 'female'))?.code, 'voice_unknown');
  assert.equal(validateEdit(analysis, [], tagVoice('v0', 'not-face' as VoiceTag))?.code, 'bad_request');
  assert.equal(validateEdit(analysis, [], speaker(4, 5, 7))?.code, 'cluster_unknown');
  assert.equal(validateEdit(analysis, [], speaker(5, 4, 0))?.code, 'bad_request');
  const silent = validateEdit(analysis, [], speaker(6, 7.5, 2));
  assert.equal(silent?.code, 'bad_request');
  assert.match(silent?.message ?? '', /No speech was found between 0:06–0:07/);
  assert.equal(validateEdit(analysis, [], speaker(4, 5, null)), null);
});

test('edit summaries say what was done to voices and speakers', () => {
  assert.equal(describeAction([tagVoice('v2', 'female')]), 'ana tagged voice v2 female');
  assert.equal(describeAction([tagVoice('v3', 'not-speech')]), 'ana tagged voice v3 not speech');
  assert.equal(describeAction([speaker(12, 18, 3)]), 'ana set the speaker of 0:12–0:18 to Person 3');
  assert.equal(describeAction([{ ...speaker(12.4, 18.9, null), onBehalfOf: 'Alice' }]), 'Alice set the speaker of 0:12–0:18 to off screen');
});
