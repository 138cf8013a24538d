/**
 * The in-process service on a real clip with the real pipeline (ffmpeg, ONNX models): upload,
 * live progress, the people found with their thumbnails and suggestions, tagging, and a report
 * whose figures follow the tags. Reads ../shared/eval in place (never copied); skips without it.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Job } from '../../../shared/src/api/types.js';
import { startTestService, type TestService } from './helpers/test-service.js';

const CLIP = new URL('../../../../shared/eval/video/short_hamilton_clip.mp4', import.meta.url).pathname;
const skip = existsSync(CLIP) ? false : 'the real clip ../shared/eval/video/short_hamilton_clip.mp4 is absent';

let s: TestService;
before(async () => {
  if (!skip) s = await startTestService();
});
after(() => s?.close());

test('a real clip: uploaded, analysed with live progress, tagged, reported', { skip, timeout: 180_000 }, async () => {
  const created = await s.client.uploadJob(await readFile(CLIP), 'short_hamilton_clip.mp4', { requester: 'medium-test' });
  const seen: Job[] = [];
  const job = await s.client.watchJob(created.id, (j) => seen.push(j));
  assert.equal(job.status, 'tagging', JSON.stringify(job.error));
  assert.ok(seen.some((j) => j.status === 'running' && j.progress.stage === 'faces'), 'progress through the faces stage was streamed');
  assert.ok(Math.abs(job.duration! - 9.2) < 0.3, `duration ${job.duration}`);
  assert.ok(job.people! >= 3, `people: ${job.people}`);

  const people = await s.client.getPeople(job.id);
  assert.equal(people.people.length, job.people);
  assert.ok(people.people.some((p) => p.suggestion !== null), 'suggestions');
  for (const person of people.people) {
    const jpeg = await s.client.getThumbnail(job.id, person.id);
    assert.deepEqual([...jpeg.slice(0, 2)], [0xff, 0xd8], `person ${person.id}: a JPEG`);
    assert.ok(jpeg.length > 500, 'a real picture, not a stub');
  }
  const analysisSource = JSON.parse(await readFile(`${s.dataDir}/jobs/${job.id}/analysis.json`, 'utf8')).video.source;
  assert.equal(analysisSource, 'short_hamilton_clip.mp4', 'the stored analysis names the file, not a server path');

  const untagged = await s.client.getReport(job.id);
  assert.equal(untagged.people.untagged, people.people.length);
  assert.equal(untagged.screenTime.female.seconds + untagged.screenTime.male.seconds, 0);

  // Tag the one seen longest as a woman, everyone else as men: the report must say so.
  const longest = [...people.people].sort((a, b) => b.seconds - a.seconds)[0]!;
  await s.client.tag(job.id, longest.id, 'female', 'ana');
  for (const person of people.people) if (person.id !== longest.id) await s.client.tag(job.id, person.id, 'male', 'ben');
  const tagged = await s.client.getReport(job.id);
  assert.equal(tagged.people.female, 1);
  assert.equal(tagged.people.male, people.people.length - 1);
  assert.equal(tagged.people.untagged, 0);
  assert.ok(Math.abs(tagged.screenTime.female.personSeconds - longest.seconds) < 0.01, 'her screen time is her seconds');
  assert.ok(tagged.screenTime.male.seconds > 0);
  const csv = await s.client.getReportCsv(job.id);
  assert.match(csv, /female/);
  const chart = await s.client.getChart(job.id, 'timeline');
  assert.deepEqual([...chart.slice(0, 4)], [0x89, 0x50, 0x4e, 0x47]);

  await s.client.deleteJob(job.id);
  assert.equal(existsSync(`${s.dataDir}/jobs/${job.id}`), false);
});
