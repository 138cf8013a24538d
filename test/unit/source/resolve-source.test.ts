import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OnscreenError } from '../../../shared/src/errors.js';
import { classifySource, extensionFromUrl, labelForUrl } from '../../../engine/src/stages/source/classify-source.js';
import type { SourceDoors } from '../../../engine/src/stages/source/resolve-source.js';
import { resolveSource } from '../../../engine/src/stages/source/resolve-source.js';

const ID = 'dQw4w9WgXcQ';
const CHANNEL = { id: 'UCabcdefghijklmnopqrstuv', handle: '@newsroom', name: 'Newsroom' };

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (error) {
    assert.ok(error instanceof OnscreenError);
    return error.code;
  }
}

test('classifySource tells files, media URLs and YouTube videos apart', () => {
  assert.deepEqual(classifySource('clips/news.mp4'), { kind: 'file', path: 'clips/news.mp4' });
  assert.deepEqual(classifySource(' /data/a b.mov '), { kind: 'file', path: '/data/a b.mov' });
  assert.deepEqual(classifySource('https://cdn.example/v.mp4?x=1'), { kind: 'url', url: 'https://cdn.example/v.mp4?x=1' });
  assert.deepEqual(classifySource(`https://youtu.be/${ID}?t=3`), { kind: 'youtube', videoId: ID, url: `https://www.youtube.com/watch?v=${ID}` });
  assert.deepEqual(classifySource(`youtube.com/shorts/${ID}`), { kind: 'youtube', videoId: ID, url: `https://www.youtube.com/watch?v=${ID}` });
});

test('classifySource refuses other schemes, YouTube pages that are not one video, and nothing', () => {
  assert.equal(codeOf(() => classifySource('ftp://example.com/v.mp4')), 'url_invalid');
  assert.equal(codeOf(() => classifySource('file:///etc/passwd')), 'url_invalid');
  assert.equal(codeOf(() => classifySource('https://www.youtube.com/@newsroom')), 'youtube_unsupported');
  assert.equal(codeOf(() => classifySource('https://www.youtube.com/playlist?list=PL1')), 'youtube_unsupported');
  assert.equal(codeOf(() => classifySource('   ')), 'source_not_found');
});

test('labelForUrl drops credentials; extensionFromUrl keeps a sane extension only', () => {
  assert.equal(labelForUrl('https://user:secret@cdn.example/v.mp4'), 'https://cdn.example/v.mp4');
  assert.equal(extensionFromUrl('https://cdn.example/path/clip.MOV?sig=1'), '.mov');
  assert.equal(extensionFromUrl('https://cdn.example/stream'), '.video');
  assert.equal(extensionFromUrl('https://cdn.example/a.b/..%2f..%2fetc'), '.video');
});

/** Doors that record what they were asked and answer as told. */
function makeDoors(answers: { path?: Awaited<ReturnType<SourceDoors['inspectPath']>> } = {}) {
  const calls: string[] = [];
  const doors: SourceDoors = {
    inspectPath: async (path) => {
      calls.push(`inspect ${path}`);
      return answers.path === undefined ? { size: 1000 } : answers.path;
    },
    downloadFile: async (url, destination, options) => {
      calls.push(`download ${url} -> ${destination} private=${options.allowPrivateNetwork} max=${options.maxBytes}`);
      return { suggestedName: 'clip.mp4' };
    },
    downloadYouTube: async (videoId, destination) => {
      calls.push(`youtube ${videoId} -> ${destination}`);
      return { title: 'A title', uploaded: '2026-03-14', channel: CHANNEL };
    },
  };
  return { doors, calls };
}

test('resolveSource hands a local file over by name, never by its full path', async () => {
  const { doors } = makeDoors();
  const source = await resolveSource('/srv/uploads/job-1/interview.mp4', { workDir: '/tmp/w', doors });
  assert.deepEqual(source, { path: '/srv/uploads/job-1/interview.mp4', label: 'interview.mp4', title: 'interview.mp4', kind: 'file', videoId: null });
});

test('resolveSource explains missing, folder and empty files', async () => {
  const code = async (answer: Awaited<ReturnType<SourceDoors['inspectPath']>>) => {
    const { doors } = makeDoors({ path: answer });
    try {
      await resolveSource('/srv/x/video.mp4', { workDir: '/tmp/w', doors });
      return 'no error';
    } catch (error) {
      assert.ok(error instanceof OnscreenError && !error.message.includes('/srv/'));
      return error.code;
    }
  };
  assert.equal(await code(null), 'source_not_found');
  assert.equal(await code('not-file'), 'source_not_found');
  assert.equal(await code({ size: 0 }), 'video_empty');
});

test('resolveSource downloads URLs and YouTube videos into the work folder with the limits given', async () => {
  const { doors, calls } = makeDoors();
  const url = await resolveSource('https://me:pw@cdn.example/news/clip.mp4', { workDir: '/tmp/w', doors, maxBytes: 5000 });
  assert.deepEqual(url, { path: '/tmp/w/download.mp4', label: 'https://cdn.example/news/clip.mp4', title: 'clip.mp4', kind: 'url', videoId: null });
  const youtube = await resolveSource(`https://youtu.be/${ID}`, { workDir: '/tmp/w', doors, allowPrivateNetwork: true });
  assert.deepEqual(youtube, { path: '/tmp/w/youtube.mp4', label: `https://www.youtube.com/watch?v=${ID}`, title: 'A title', kind: 'youtube', videoId: ID, uploaded: '2026-03-14', channel: CHANNEL });
  assert.deepEqual(calls, [
    'download https://me:pw@cdn.example/news/clip.mp4 -> /tmp/w/download.mp4 private=false max=5000',
    `youtube ${ID} -> /tmp/w/youtube.mp4`,
  ]);
});
