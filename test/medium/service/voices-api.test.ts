/**
 * Who is heard through the API (issue 14), with the real HTTP server, SQLite and analysis folders:
 * voices in the people, a voice tagged and a speaker corrected through the shared client, undo,
 * the voice sample served to the job's workspace only, and speaking time in the report.
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
const SAMPLE = Buffer.from('not really AAC, but the bytes the analysis stored');
const processor: AnalysisProcessor = async () => makeTinySpokenAnalysis('/server/path/upload.mp4', SAMPLE);

before(async () => {
  s = await startTestService({}, { processor });
  job = await s.client.uploadJob(new Uint8Array(2048).map((_, i) => i % 13), 'talk.mp4');
  job = await s.client.watchJob(job.id, () => {});
  assert.equal(job.status, 'tagging');
});
after(() => s.close());

test('the people come with their voices, and a voice tag and a speaker correction go through the one edit path', async () => {
  const people = await s.client.getPeople(job.id);
  assert.deepEqual(people.voices?.map((v) => [v.id, v.person, v.counts]), [['v0', 0, null], ['v1', 1, null], ['v2', null, null]]);
  assert.equal(people.voiceSampleUrl, `/api/v1/jobs/${job.id}/voices/{id}/sample.m4a`);
  await s.client.tag(job.id, 0, 'female');
  let after = await s.client.tagVoice(job.id, 'v2', 'male', 'Alice');
  assert.equal(after.voices?.find((v) => v.id === 'v2')?.tag, 'male');
  assert.equal(after.voices?.find((v) => v.id === 'v0')?.counts, 'female', 'v0 follows person 0');
  assert.equal(after.undo?.label, 'Alice tagged voice v2 male');
  after = await s.client.correctSpeaker(job.id, 6, 8, 2);
  assert.equal(after.people.find((p) => p.id === 2)?.speakingSeconds, 2);
  assert.match(after.undo?.label ?? '', /set the speaker of 0:06–0:08 to Person 2$/);
  assert.deepEqual(after.speech, [
    { start: 0.5, end: 2.5, person: 0, voice: 'v0' },
    { start: 3, end: 5, person: 1, voice: 'v1' },
    { start: 6, end: 8, person: 2, voice: 'v2' },
  ], 'the people response says who speaks when, after the correction');
  const report = await s.client.getReport(job.id);
  assert.equal(report.speakingTime?.total, 6);
  assert.equal(report.speakingTime?.onScreen.untagged.seconds, 4, 'person 1 (not tagged) and person 2 seen speaking');
  assert.equal(report.persons.find((p) => p.id === 0)?.speakingSeconds, 2);
  after = await s.client.undo(job.id);
  assert.equal(after.people.find((p) => p.id === 2)?.speakingSeconds, 0);
  assert.deepEqual(after.speech?.at(-1), { start: 6, end: 8, person: null, voice: 'v2' });
  assert.equal((await s.client.getReport(job.id)).speakingTime?.offScreen.male.seconds, 2);
  const chart = await s.client.getChart(job.id, 'heard');
  assert.deepEqual([...chart.subarray(1, 4)], [...Buffer.from('PNG')]);
});

test('bad voice edits are refused with one clear line', async () => {
  const post = (path: string, body: unknown) =>
    call(`${s.url}/api/v1/jobs/${job.id}/${path}`, { token: s.token, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  let response = await post('voice-tags', { voice: 'v9', tag: 'female' });
  assert.deepEqual([response.status, response.body.error.code], [404, 'voice_unknown']);
  response = await post('voice-tags', { voice: 'v1', tag: 'not-face' });
  assert.equal(response.status, 400);
  response = await post('speaker', { start: 5, end: 4, person: 1 });
  assert.equal(response.status, 400);
  response = await post('speaker', { start: 9, end: 9.5, person: 1 });
  assert.deepEqual([response.status, response.body.error.message], [400, 'No speech was found between 0:09–0:09: there is nobody to correct there.']);
});

test("a voice's sample is served to the job's workspace only", async () => {
  assert.deepEqual(Buffer.from(await s.client.getVoiceSample(job.id, 'v2')), SAMPLE);
  const response = await call(`${s.url}/api/v1/jobs/${job.id}/voices/v2/sample.m4a`, { token: s.token });
  assert.equal(response.headers.get('content-type'), 'audio/mp4');
  assert.equal((await call(`${s.url}/api/v1/jobs/${job.id}/voices/v7/sample.m4a`, { token: s.token })).status, 404);
  assert.equal((await call(`${s.url}/api/v1/jobs/${job.id}/voices/..%2Fanalysis.json/sample.m4a`, { token: s.token })).status, 404);
  const rival = new OnscreenClient({ baseUrl: s.url, token: s.service.tokens.create('rival', { workspace: 'other-newsroom' }) });
  await assert.rejects(rival.getVoiceSample(job.id, 'v2'), (error: Error & { code?: string }) => error.code === 'job_not_found');
  await assert.rejects(rival.tagVoice(job.id, 'v2', 'female'), (error: Error & { code?: string }) => error.code === 'job_not_found');
});
