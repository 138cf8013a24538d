/**
 * Hostile input around who is heard, through the real HTTP server, SQLite and analysis folders:
 * fields of the wrong type, spans past the video's end or reversed, unknown voices, a voice tagged
 * "not speech", and a voice sample asked for a deleted job or another workspace's. Each gets one
 * clear line and its status; the history is left as it was.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Job } from '../../../shared/src/api/types.js';
import { OnscreenClient } from '../../../shared/src/api/client.js';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import { call, startTestService, type TestService } from './helpers/test-service.js';
import { makeTinySpokenAnalysis } from './helpers/tiny-speech.js';

let s: TestService;
let job: Job;
const SAMPLE = Buffer.from('the bytes of a voice sample');
const processor: AnalysisProcessor = async () => makeTinySpokenAnalysis('/server/path/upload.mp4', SAMPLE);
const post = (path: string, body: unknown) => call(`${s.url}/api/v1/jobs/${job.id}/${path}`, { token: s.token, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const history = async () => (await call(`${s.url}/api/v1/jobs/${job.id}/history`, { token: s.token })).text;

before(async () => {
  s = await startTestService({}, { processor });
  job = await s.client.watchJob((await s.client.uploadJob(new Uint8Array(2048).map((_, i) => i % 17), 'talk.mp4')).id, () => {});
});
after(() => s.close());

test('bad voice tags and speaker spans: one line saying what is wrong, nothing recorded', async () => {
  const before = await history();
  const refused: Array<[string, unknown, number, string]> = [
    // A field of the wrong type is not a missing one (before: "voice" is missing, "start" is missing).
    ['voice-tags', { voice: 0, tag: 'female' }, 400, 'Bad request body: "voice" should be a string, not 0.'],
    ['speaker', { start: '1', end: 2, person: 0 }, 400, 'Bad request body: "start" should be a number, not the text "1".'],
    ['speaker', { start: 1, end: 2, person: 'off' }, 400, 'Bad request body: "person" should be a number, not the text "off".'],
    ['speaker', { start: 1, end: 2, person: 1.5 }, 400, 'Bad request body: "person" should be a whole number, not 1.5.'],
    ['speaker', { start: 1, end: 2 }, 400, 'Bad request body: "person" is missing.'],
    // Reversed (before: "request body": the span…), and past the video's end (before: "No speech was found between 1:40–3:20").
    ['speaker', { start: 5, end: 4, person: 1 }, 400, 'Bad request body: the span must end after it starts.'],
    ['speaker', { start: 100, end: 200, person: 0 }, 400, 'The span 1:40–3:20 starts after the video ends (it is 0:10 long): give times within it.'],
    ['speaker', { start: 0.5, end: 2.5, person: 99 }, 404, 'There is no person 99.'],
    ['voice-tags', { voice: 'v9', tag: 'not-speech' }, 404, 'There is no voice v9 in this analysis.'],
    ['voice-tags', { voice: 'v1', tag: 'not speech' }, 400, 'Bad request body: "tag": Invalid option: expected one of "female"|"male"|"unknown"|"not-speech".'],
  ];
  for (const [path, body, status, message] of refused) {
    const response = await post(path, body);
    assert.deepEqual([response.status, response.body.error?.message], [status, message], JSON.stringify(body));
  }
  assert.equal(await history(), before, 'nothing was recorded');
});

test('a voice tagged "not speech" keeps its sample for a second listen; a deleted job\'s and another workspace\'s samples are not served', async () => {
  const tagged = await s.client.tagVoice(job.id, 'v2', 'not-speech');
  assert.equal(tagged.voices?.find((v) => v.id === 'v2')?.tag, 'not-speech');
  assert.equal((await s.client.getReport(job.id)).speakingTime?.notSpeechSeconds, 2, 'its 2 s leave speaking time');
  assert.deepEqual(Buffer.from(await s.client.getVoiceSample(job.id, 'v2')), SAMPLE);

  const rival = new OnscreenClient({ baseUrl: s.url, token: s.service.tokens.create('rival', { workspace: 'elsewhere' }) });
  await assert.rejects(rival.getVoiceSample(job.id, 'v2'), (error: Error & { code?: string }) => error.code === 'job_not_found');

  assert.equal((await call(`${s.url}/api/v1/jobs/${job.id}`, { token: s.token, method: 'DELETE' })).status, 204);
  for (const voice of ['v0', 'v2']) {
    const gone = await call(`${s.url}/api/v1/jobs/${job.id}/voices/${voice}/sample.m4a`, { token: s.token });
    assert.deepEqual([gone.status, gone.body.error.code, gone.body.error.message], [404, 'job_not_found', `No job ${job.id}: it never existed, or it was deleted.`]);
  }
  const tagGone = await post('voice-tags', { voice: 'v0', tag: 'female' });
  assert.deepEqual([tagGone.status, tagGone.body.error.code], [404, 'job_not_found']);
});
