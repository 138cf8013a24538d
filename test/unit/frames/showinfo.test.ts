import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineSplitter, parseShowinfoLine } from '../../../engine/src/stages/frames/showinfo.js';

test('parseShowinfoLine reads the time of sample and cut frames in the formats of ffmpeg 4 to 7', () => {
  const v4 = '[showinfo@onscreen_sample @ 0x2c896180] n:   1 pts:   6656 pts_time:0.52    pos:    24907 fmt:yuv420p sar:1/1 s:320x240 i:P iskey:0';
  assert.deepEqual(parseShowinfoLine(v4), { tag: 'onscreen_sample', t: 0.52 });
  const v6 = '[Parsed_showinfo_3@onscreen_cut @ 0x55d] n:1204 pts:1541120 pts_time:120.4   duration:    512 duration_time:0.04    fmt:gray';
  assert.deepEqual(parseShowinfoLine(v6), { tag: 'onscreen_cut', t: 120.4 });
  assert.deepEqual(parseShowinfoLine('[showinfo@onscreen_cut @ 0x1] n:   0 pts:  -1024 pts_time:-0.08 pos: 1'), { tag: 'onscreen_cut', t: -0.08 });
});

test('parseShowinfoLine ignores showinfo continuation lines and every other log line', () => {
  assert.equal(parseShowinfoLine('[showinfo@onscreen_sample @ 0x2c896180] color_range:unknown color_space:unknown'), null);
  assert.equal(parseShowinfoLine('[showinfo@onscreen_sample @ 0x2c896180] config in time_base: 1/12800, frame_rate: 25/1'), null);
  assert.equal(parseShowinfoLine('[Parsed_showinfo_1 @ 0x1] n: 0 pts: 0 pts_time:0'), null);
  assert.equal(parseShowinfoLine('Stream mapping:'), null);
});

test('LineSplitter joins lines split across chunks and handles \\r\\n', () => {
  const splitter = new LineSplitter();
  assert.deepEqual(splitter.push('first li'), []);
  assert.deepEqual(splitter.push('ne\r\nsecond\nthi'), ['first line', 'second']);
  assert.deepEqual(splitter.push('rd'), []);
  assert.deepEqual(splitter.flush(), ['third']);
  assert.deepEqual(splitter.flush(), []);
});
