/**
 * A YouTube playlist or channel becomes a collection, through the real HTTP server, SQLite and the
 * real yt-dlp adapter running a stand-in yt-dlp script (no network): one job per video, private and
 * deleted videos skipped and listed, the report waiting for jobs still analysing. The analyses are
 * small ones made in code.
 */
import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { OnscreenError } from '../../../shared/src/errors.js';
import type { AnalysisProcessor } from '../../../engine/src/queue/job-queue.js';
import { makeTinyAnalysis } from './helpers/tiny-analysis.js';
import { startTestService, type TestService } from './helpers/test-service.js';

let s: TestService;
let dir: string;
let ytDlp: string;
let release: () => void = () => undefined;
let gate = Promise.resolve();
const processor: AnalysisProcessor = async () => {
  await gate;
  return makeTinyAnalysis('/server/path/video.mp4');
};

const LISTING = {
  title: 'Evening news: all episodes',
  entries: [
    { id: 'AAAAAAAAAA1', title: 'Monday' },
    { id: 'BBBBBBBBBB2', title: '[Private video]', availability: 'private' },
    { id: 'CCCCCCCCCC3', title: 'Tuesday' },
    { id: 'DDDDDDDDDD4', title: '[Deleted video]' },
    { id: 'EEEEEEEEEE5', title: 'Live now', live_status: 'is_live' },
    { id: 'FFFFFFFFFF6', title: 'Wednesday' },
  ],
};

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'onscreen-ytlist-'));
  ytDlp = join(dir, 'yt-dlp');
  await writeFile(join(dir, 'listing.json'), JSON.stringify(LISTING));
  await writeFile(ytDlp, `#!/bin/sh
echo "$@" >> '${join(dir, 'args.log')}'
case "$*" in
  --version) echo 2026.01.01;;
  *playlist?list=PLbroken12345*) echo "ERROR: [youtube:tab] PLbroken12345: The playlist does not exist." >&2; exit 1;;
  *) cat '${join(dir, 'listing.json')}';;
esac
`);
  await chmod(ytDlp, 0o755);
  s = await startTestService({ allowPrivateNetwork: true, playlistMax: 20 }, { processor, ytDlp });
});
after(async () => {
  release();
  await s.close();
  await rm(dir, { recursive: true, force: true });
});

const rejectsWith = (promise: Promise<unknown>, code: string, message: RegExp) =>
  assert.rejects(promise, (error: unknown) => error instanceof OnscreenError && error.code === code && message.test(error.message));

test('a playlist becomes a collection of its videos, one job each; private, deleted and live ones are skipped and listed', async () => {
  gate = new Promise((resolve) => (release = resolve));
  const { collection, jobs } = await s.client.collectionFromYouTube('https://www.youtube.com/playlist?list=PLnews1234567', { max: 6 });
  assert.equal(collection.name, 'Evening news: all episodes');
  assert.equal(collection.source, 'https://www.youtube.com/playlist?list=PLnews1234567');
  assert.deepEqual(jobs.map((j) => j.source.kind), ['youtube', 'youtube', 'youtube']);
  assert.deepEqual(collection.jobIds.sort(), jobs.map((j) => j.id).sort());
  assert.deepEqual(collection.skipped.map((v) => [v.videoId, v.reason]), [['BBBBBBBBBB2', 'private'], ['DDDDDDDDDD4', 'deleted'], ['EEEEEEEEEE5', 'live or upcoming']]);
  assert.match(await readFile(join(dir, 'args.log'), 'utf8'), /-J --flat-playlist --no-warnings --playlist-end 6 -- https:\/\/www\.youtube\.com\/playlist\?list=PLnews1234567/);

  // While the jobs analyse, there is nothing to add up yet: the message says why.
  await rejectsWith(s.client.getCollectionReport(collection.id), 'collection_empty', /no analysed videos yet \(3 still being analysed or failed\)/);
  release();
  for (const job of jobs) await s.client.watchJob(job.id, () => undefined);
  const report = await s.client.getCollectionReport(collection.id);
  assert.equal(report.total.videos, 3);
  assert.deepEqual(report.pending, []);
  assert.equal(report.skipped.length, 3);
});

test('the same list again reuses the jobs of videos already analysed', async () => {
  const first = (await s.client.listCollections())[0]!;
  const again = await s.client.collectionFromYouTube('https://www.youtube.com/@eveningnews', { max: 3, name: 'Channel' });
  assert.equal(again.collection.name, 'Channel');
  assert.equal(again.collection.source, 'https://www.youtube.com/@eveningnews/videos');
  assert.deepEqual(again.jobs.map((j) => j.reused), [true, true]);
  assert.ok(again.jobs.every((j) => first.jobIds.includes(j.id)));
});

test('bad lists get one clear message and create nothing', async () => {
  const before = (await s.client.listCollections()).length;
  await rejectsWith(s.client.collectionFromYouTube('https://www.youtube.com/watch?v=AAAAAAAAAA1'), 'url_invalid', /not a link to a YouTube playlist or channel/);
  await rejectsWith(s.client.collectionFromYouTube('https://www.youtube.com/@eveningnews', { max: 21 }), 'bad_request', /1 to 20 videos .*ONSCREEN_PLAYLIST_MAX/);
  await assert.rejects(s.client.collectionFromYouTube('https://www.youtube.com/playlist?list=PLbroken12345'), /That YouTube playlist could not be read \(private, removed, or it never existed\)/);
  const noYtDlp = await startTestService({ allowPrivateNetwork: true }, { processor, ytDlp: join(dir, 'no-such-yt-dlp') });
  await rejectsWith(noYtDlp.client.collectionFromYouTube('https://www.youtube.com/@eveningnews'), 'youtube_unsupported', /needs yt-dlp on the engine's PATH/);
  await noYtDlp.close();
  assert.equal((await s.client.listCollections()).length, before);
});
