import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainYouTubeRefusal } from '../../../engine/src/stages/source/youtube-errors.js';

test('YouTube refusals map to plain errors', () => {
  const cases: Array<[string, string]> = [
    ['ERROR: [youtube] abc: Private video. Sign in if you\'ve been granted access to this video', 'source_private'],
    ['LOGIN_REQUIRED: This video is private', 'source_private'],
    ['ERROR: [youtube] abc: Join this channel to get access to members-only content like this video', 'source_private'],
    ['ERROR: [youtube] abc: Sign in to confirm your age. This video may be inappropriate for some users.', 'source_private'],
    ['AGE_CHECK_REQUIRED: ', 'source_private'],
    ['ERROR: [youtube] abc: Video unavailable. This video has been removed by the uploader', 'source_unavailable'],
    ['ERROR: Video unavailable. The uploader has not made this video available in your country', 'source_unavailable'],
    ['UNPLAYABLE: ', 'source_unavailable'],
    ['ERROR: ', 'source_unavailable'],
    ['ERROR: [youtube] abc: This live event will begin in 3 hours.', 'source_unavailable'],
    ['LIVE_STREAM_OFFLINE: ', 'source_unavailable'],
    ['ERROR: [youtube] abc: Sign in to confirm you’re not a bot', 'youtube_unsupported'],
    ['TypeError: fetch failed', 'download_failed'],
    ['Failed to get player id: 503 (Service Unavailable)', 'download_failed'],
    ['ERROR: [youtube] abc: HTTP Error 429: Too Many Requests', 'download_failed'],
    ['Failed to get player id: 404 (Not Found)', 'youtube_unsupported'],
    ['connect ECONNREFUSED 127.0.0.1:1', 'download_failed'],
    ['Something nobody expected', 'youtube_unsupported'],
  ];
  for (const [message, code] of cases) {
    const error = explainYouTubeRefusal(message);
    assert.equal(error.code, code, message);
    assert.ok(error.message.endsWith('.') && error.message.length > 30, error.message);
  }
});
