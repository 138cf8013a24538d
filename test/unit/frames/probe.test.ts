import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OnscreenError } from '../../../shared/src/errors.js';
import { explainProbeFailure, lastMeaningfulLine, readProbe } from '../../../engine/src/stages/frames/probe.js';

const video = (extra: Record<string, unknown> = {}) => ({
  codec_type: 'video', codec_name: 'h264', width: 1920, height: 1080, avg_frame_rate: '30000/1001', r_frame_rate: '30000/1001', duration: '12.5', ...extra,
});
const probe = (streams: unknown[], format: unknown = { duration: '12.6' }) => JSON.stringify({ streams, format });
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof OnscreenError);
    return error.code;
  }
  return 'no error';
};

test('readProbe reads the day the file was made, but not a muxer\'s epoch or a future day', () => {
  const created = (time: string | undefined, where: 'format' | 'stream' = 'format') =>
    readProbe(where === 'format' ? probe([video()], { duration: '12.6', tags: { creation_time: time } }) : probe([video({ tags: { creation_time: time } })])).created;
  assert.equal(created('2026-03-14T18:30:00.000000Z'), '2026-03-14');
  assert.equal(created('2025-11-02T07:00:00Z', 'stream'), '2025-11-02');
  assert.equal(created('1904-01-01T00:00:00.000000Z'), null);
  assert.equal(created('1970-01-01T00:00:00.000000Z'), null);
  assert.equal(created('2999-01-01T00:00:00Z'), null);
  assert.equal(created('last Tuesday'), null);
  assert.equal(created(undefined), null);
});

test('readProbe reads size, rate, duration and codec of the first real video stream', () => {
  const info = readProbe(probe([{ codec_type: 'audio' }, video()]));
  assert.deepEqual(info, { duration: 12.5, width: 1920, height: 1080, rotation: 0, frameRate: 30000 / 1001, codec: 'h264', hasVideo: true, created: null });
  assert.equal(readProbe(probe([video({ duration: undefined, avg_frame_rate: '0/0', r_frame_rate: '25/1' })])).duration, 12.6);
  assert.equal(readProbe(probe([video({ avg_frame_rate: '0/0', r_frame_rate: '25/1' })])).frameRate, 25);
  assert.equal(readProbe(probe([video({ duration: undefined })], {})).duration, null);
  // Frame times count from the file's start: a video stream starting 0.844 s in ends 0.844 s later.
  const late = readProbe(probe([video({ duration: '9.175843', start_time: '0.852019' })], { duration: '10.019857', start_time: '0.008005' }));
  assert.ok(Math.abs(late.duration! - 10.019857) < 1e-6, String(late.duration));
});

test('readProbe turns the display matrix (counter-clockwise) or rotate tag (clockwise) into clockwise degrees and swaps sides', () => {
  const phone = readProbe(probe([video({ side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }] })]));
  assert.deepEqual([phone.rotation, phone.width, phone.height], [90, 1080, 1920]);
  assert.equal(readProbe(probe([video({ side_data_list: [{ rotation: 90 }] })])).rotation, 270);
  assert.equal(readProbe(probe([video({ side_data_list: [{ rotation: 180 }] })])).rotation, 180);
  const tagged = readProbe(probe([video({ tags: { rotate: '270' } })]));
  assert.deepEqual([tagged.rotation, tagged.width, tagged.height], [270, 1080, 1920]);
});

test('readProbe stretches non-square pixels to square ones, before rotation', () => {
  const anamorphic = readProbe(probe([video({ width: 720, height: 576, sample_aspect_ratio: '64:45' })]));
  assert.deepEqual([anamorphic.width, anamorphic.height], [1024, 576]);
  const sideways = readProbe(probe([video({ width: 720, height: 576, sample_aspect_ratio: '16:15', side_data_list: [{ rotation: -90 }] })]));
  assert.deepEqual([sideways.width, sideways.height], [576, 768]);
  assert.equal(readProbe(probe([video({ sample_aspect_ratio: '0:1' })])).width, 1920);
  assert.equal(readProbe(probe([video({ sample_aspect_ratio: 'N/A' })])).width, 1920);
});

test('readProbe refuses audio-only files, cover art and absurd sizes with the right codes', () => {
  assert.equal(code(() => readProbe(probe([{ codec_type: 'audio' }]))), 'video_no_stream');
  assert.equal(code(() => readProbe(probe([{ codec_type: 'audio' }, video({ disposition: { attached_pic: 1 } })]))), 'video_no_stream');
  assert.equal(code(() => readProbe(probe([]))), 'video_no_stream');
  assert.equal(code(() => readProbe(probe([video({ width: 9000, height: 16 })]))), 'video_resolution');
  assert.equal(code(() => readProbe(probe([video({ width: 0, height: 0 })]))), 'video_resolution');
  assert.equal(code(() => readProbe('{ not json')), 'video_unreadable');
  assert.equal(code(() => readProbe(probe([video({ width: 8192, height: 4320 })]))), 'no error');
});

test('explainProbeFailure gives a plain sentence and never the server path', () => {
  const input = 'file:/srv/onscreen/jobs/42/download.mp4';
  const error = explainProbeFailure(`[mov,mp4 @ 0x1] moov atom not found\n${input}: Invalid data found when processing input\n`, input);
  assert.equal(error.code, 'video_unreadable');
  assert.match(error.message, /Invalid data found when processing input/);
  assert.doesNotMatch(error.message, /srv|onscreen\/jobs/);
  assert.equal(explainProbeFailure(`${input}: No such file or directory`, input).code, 'source_not_found');
  assert.equal(lastMeaningfulLine('\n\n[h264 @ 0x5] error while decoding MB 3 4\n  \n', ''), 'error while decoding MB 3 4');
});
