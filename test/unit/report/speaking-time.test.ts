import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Edit, Tag, VoiceTag } from '../../../shared/src/analysis.js';
import type { SpeakingTime, SpeechSplit } from '../../../shared/src/report.js';
import { buildReport } from '../../../engine/src/stages/report/build-report.js';
import { makeAnalysis, range } from './analysis-fixture.js';
import { makeSpokenAnalysis } from './speech-fixture.js';

const at = '2026-12-07T08:00:00.000Z';
const now = new Date(at);
const tag = (cluster: number, value: Tag): Edit => ({ kind: 'tag', cluster, tag: value, by: 'ana', at });
const tagVoice = (voice: string, value: VoiceTag): Edit => ({ kind: 'tag-voice', voice, tag: value, by: 'ana', at });
const speaker = (start: number, end: number, person: number | null): Edit => ({ kind: 'speaker', start, end, person, by: 'ana', at });
const close = (actual: number | null | undefined, expected: number, what = ''): void =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) < 1e-9, `${what}: expected ${expected}, got ${actual}`);
const TAGGED: Edit[] = [tag(0, 'female'), tag(1, 'male'), tagVoice('v2', 'female'), tagVoice('v3', 'not-speech')];

function speakingOf(edits: Edit[]): SpeakingTime {
  const speaking = buildReport(makeSpokenAnalysis(), edits, now).speakingTime;
  assert.ok(speaking, 'the report has speaking time');
  return speaking;
}

/** The sums every report must keep, whatever the tags. */
function assertSumsHold(s: SpeakingTime): void {
  const groups = ['female', 'male', 'unknown', 'untagged'] as const;
  close(s.onScreen.seconds + s.offScreen.seconds, s.total, 'on screen + off screen = total');
  for (const g of groups) close(s.onScreen[g].seconds + s.offScreen[g].seconds, s[g].seconds, `${g} on + off`);
  close(groups.reduce((sum, g) => sum + s[g].seconds, 0), s.total, 'groups add up to the total');
  if (s.total > 0) {
    close(groups.reduce((sum, g) => sum + s[g].share, 0), 1, 'shares add up to 1');
    const both = (split: SpeechSplit) => groups.reduce((sum, g) => sum + split[g].share, 0);
    close(both(s.onScreen) + both(s.offScreen), 1, 'on- and off-screen shares add up to 1');
  }
}

test('speaking time by tag: seen speakers by their tag, voices by theirs or their person\'s, "not speech" removed', () => {
  const s = speakingOf(TAGGED);
  assert.equal(s.sound, 'speech');
  close(s.total, 5, 'total');
  close(s.notSpeechSeconds, 1, 'not speech (v3, 8–9 s)');
  // Women: person 0 seen 0–1.5 and 5–5.5, v2 4–5 tagged female, v0 off screen 9–9.5 (linked to person 0).
  close(s.female.seconds, 3.5, 'female');
  close(s.female.share, 0.7, 'female share');
  close(s.male.seconds, 1.5, 'male');
  close(s.untagged.seconds, 0, 'untagged');
  close(s.onScreen.seconds, 3.5, 'on screen');
  close(s.onScreen.female.seconds, 2, 'women seen speaking');
  close(s.onScreen.male.share, 0.3, 'men seen speaking, share of all speech');
  close(s.offScreen.female.seconds, 1.5, 'women heard off screen');
  close(s.femaleShareOfGendered, 0.7, 'women\'s share of gendered speech');
  assertSumsHold(s);
});

test('untagged: everything counts as untagged speech, music included', () => {
  const s = speakingOf([]);
  close(s.total, 6, 'total');
  close(s.untagged.seconds, 6, 'untagged');
  close(s.notSpeechSeconds, 0, 'nothing removed');
  assert.equal(s.femaleShareOfGendered, null);
  assertSumsHold(s);
});

test('a voice\'s own tag wins over its person\'s for speech heard off screen', () => {
  const s = speakingOf([...TAGGED, tagVoice('v0', 'male')]);
  close(s.offScreen.male.seconds, 0.5, 'v0 off screen now male');
  close(s.onScreen.female.seconds, 2, 'person 0 seen speaking stays female');
  assertSumsHold(s);
});

test('a speaker correction moves speech on or off screen, and undo takes it back', () => {
  const off = speakingOf([...TAGGED, speaker(2, 3, null)]);
  // 2–3 s is now off screen, heard in v1: person 1's voice, so still a man's speech.
  close(off.offScreen.male.seconds, 1, 'man heard off screen');
  close(off.onScreen.male.seconds, 0.5, 'man seen speaking');
  assertSumsHold(off);
  const onto = speakingOf([...TAGGED, speaker(4, 5, 2)]);
  close(onto.onScreen.untagged.seconds, 1, 'voice-over credited to untagged person 2');
  close(onto.offScreen.female.seconds, 0.5, 'what stays off screen');
  assertSumsHold(onto);
  const undone = speakingOf([...TAGGED, speaker(4, 5, 2), { kind: 'undo', by: 'ana', at }]);
  assert.deepEqual(undone, speakingOf(TAGGED));
});

test('each person\'s speaking seconds follow merges and splits', () => {
  const persons = (edits: Edit[]) => buildReport(makeSpokenAnalysis(), edits, now).persons;
  const seconds = (edits: Edit[], id: number) => persons(edits).find((p) => p.id === id)?.speakingSeconds;
  close(seconds(TAGGED, 0), 2, 'person 0');
  close(seconds(TAGGED, 1), 1.5, 'person 1');
  close(seconds(TAGGED, 2), 0, 'person 2 never speaks');
  const merged: Edit[] = [...TAGGED, { kind: 'merge', into: 0, from: 1, by: 'ana', at }];
  close(seconds(merged, 0), 3.5, 'person 1 merged into 0');
  const s = buildReport(makeSpokenAnalysis(), merged, now).speakingTime!;
  close(s.female.seconds, 5, 'the merged person keeps person 0\'s tag, so their speech is a woman\'s');
  const split: Edit[] = [...TAGGED, { kind: 'split', cluster: 0, tracks: [1], newCluster: 3, by: 'ana', at }];
  close(seconds(split, 0), 1.5, 'person 0 keeps track 0');
  close(seconds(split, 3), 0.5, 'track 1 (5–5.5 s) went to person 3');
  // A correction naming person 1 follows it into person 0 when merged.
  close(seconds([...TAGGED, speaker(4, 5, 1), { kind: 'merge', into: 0, from: 1, by: 'ana', at }], 0), 4.5, 'merged correction');
});

test('speech rows of the timeline mark the groups heard in each bin', () => {
  const bins = buildReport(makeSpokenAnalysis(), TAGGED, now).timeline.bins;
  const heard = (t: number) => bins.find((b) => b.t === t)?.speaking;
  assert.deepEqual(heard(0), { female: true, male: false, unknown: false });
  assert.deepEqual(heard(2), { female: false, male: true, unknown: false });
  assert.deepEqual(heard(4), { female: true, male: false, unknown: false }, 'a voice tagged female');
  assert.deepEqual(heard(8), { female: false, male: false, unknown: false }, 'music removed');
  assert.deepEqual(heard(9), { female: true, male: false, unknown: false }, 'half the bin');
  assert.deepEqual(heard(6), { female: false, male: false, unknown: false });
});

test('no sound, or no speech: zeros said plainly, and the screen-time figures are unchanged', () => {
  for (const status of ['none', 'no-speech'] as const) {
    const analysis = makeSpokenAnalysis({ status, speechSeconds: 0 }, [], []);
    const report = buildReport(analysis, [tag(0, 'female')], now);
    assert.equal(report.speakingTime?.sound, status);
    assert.equal(report.speakingTime?.total, 0);
    assert.equal(report.speakingTime?.female.share, 0);
    assert.equal(report.speakingTime?.femaleShareOfGendered, null);
    assert.equal(report.persons[0]?.speakingSeconds, 0);
    const older = buildReport({ ...analysis, sound: undefined, speech: undefined, voices: undefined } as typeof analysis, [tag(0, 'female')], now);
    assert.equal(older.speakingTime, undefined, 'an older analysis gets no speaking time');
    assert.equal(older.persons[0]?.speakingSeconds, undefined);
    assert.equal(older.timeline.bins[0]?.speaking, undefined);
    const screen = (r: typeof report) => [r.screenTime, r.femaleShareOfGendered, r.femaleShareRange, r.people, r.coPresence, r.quality, r.persons.map((p) => p.seconds)];
    assert.deepEqual(screen(report), screen(older), 'screen time does not depend on the sound');
  }
});

test('every speaking figure has a definition, and the voice suggestion\'s weakness is stated with the measured case', () => {
  const report = buildReport(makeSpokenAnalysis(), TAGGED, now);
  const leaves = (value: unknown, path: string): string[] =>
    value !== null && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => leaves(v, `${path}.${k}`)) : [path];
  for (const path of leaves(report.speakingTime, 'speakingTime')) {
    const parts = path.split('.');
    // Defined itself or by a part more specific than "speakingTime" (onScreen defines its split).
    const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('.')).slice(1);
    assert.ok(prefixes.some((key) => report.definitions[key] !== undefined), `${path} is defined`);
  }
  assert.match(report.definitions['persons.speakingSeconds'] ?? '', /speaking/);
  assert.match(report.definitions['speakingTime.voiceSuggestion'] ?? '', /151 Hz.*94 to 145 Hz/);
  assert.match(report.definitions['speakingTime.notSpeechSeconds'] ?? '', /music/);
  const plain = buildReport(makeAnalysis({ duration: 4, clusters: [[{ samples: range(0, 2) }]] }), [], now);
  assert.equal(plain.definitions['speakingTime.total'], undefined, 'no speaking definitions without speaking time');
});
