/* eslint-disable @typescript-eslint/no-explicit-any -- Block Kit JSON is read loosely here. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSpeakersMessage, SPEAKER_RUNS_SHOWN } from '../../../bot/src/blocks/speakers.blocks.js';
import { ACTION_IDS } from '../../../bot/src/blocks/ids.js';
import { LIMITS } from '../../../bot/src/blocks/limits.js';
import { decodeSpeakerRef } from '../../../bot/src/blocks/values.js';
import { makePerson } from './fixtures.js';

const people = [makePerson(0), makePerson(1, { name: 'Ada' }), makePerson(2, { tag: 'not-face' })];

test('"Who speaks": a line per run with a menu of off screen and the people who can speak, the speaker chosen', () => {
  const speech = [{ start: 0.5, end: 2.5, person: 1, voice: 'v0' }, { start: 6, end: 8, person: null, voice: 'v2' }];
  const { text, blocks } = buildSpeakersMessage('job-1', speech, people);
  assert.match(text, /^Who speaks: 2 stretches of speech/);
  const rows = blocks.filter((b: any) => b.accessory?.action_id === ACTION_IDS.correctSpeaker) as any[];
  assert.deepEqual(rows.map((r) => r.text.text), ['0:00–0:02 · Person 1 · 2 s, voice v0', '0:06–0:08 · off screen · 2 s, voice v2']);
  assert.deepEqual(rows[0].accessory.options.map((o: any) => o.text.text), ['Off screen', 'Person 0', 'Person 1 (Ada)'], 'someone tagged "not a face" does not speak');
  assert.deepEqual(rows.map((r) => r.accessory.initial_option.text.text), ['Person 1 (Ada)', 'Off screen']);
  assert.deepEqual(decodeSpeakerRef(rows[1].accessory.options[1].value), { jobId: 'job-1', start: 6, end: 8, person: 0 });
});

test('"Who speaks" stays within Slack\'s 50 blocks, sending the rest to the page; no speech is said plainly', () => {
  const speech = Array.from({ length: 90 }, (_, i) => ({ start: i * 2, end: i * 2 + 1, person: i % 2 === 0 ? 0 : null, voice: null }));
  const { blocks } = buildSpeakersMessage('job-1', speech, people);
  assert.ok(blocks.length <= LIMITS.blocksPerMessage);
  assert.equal(blocks.filter((b: any) => b.accessory).length, SPEAKER_RUNS_SHOWN);
  assert.match(JSON.stringify(blocks.at(-1)), /50 more on the tagging page/);
  const none = buildSpeakersMessage('job-1', [], people);
  assert.equal(none.text, 'No speech found in the sound.');
  assert.equal(none.blocks.some((b: any) => b.accessory), false);
});
