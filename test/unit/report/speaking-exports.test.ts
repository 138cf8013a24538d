import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Edit, Tag, VoiceTag } from '../../../shared/src/analysis.js';
import { COLOURS } from '../../../shared/src/palette.js';
import { buildReport } from '../../../engine/src/stages/report/build-report.js';
import { chartSpecs } from '../../../engine/src/stages/report/chart-specs.js';
import { buildReportCsv } from '../../../engine/src/stages/report/report-csv.js';
import { buildReportHtml } from '../../../engine/src/stages/report/report-html.js';
import { makeSpokenAnalysis } from './speech-fixture.js';

const at = '2026-12-07T08:00:00.000Z';
const tag = (cluster: number, value: Tag): Edit => ({ kind: 'tag', cluster, tag: value, by: 'ana', at });
const tagVoice = (voice: string, value: VoiceTag): Edit => ({ kind: 'tag-voice', voice, tag: value, by: 'ana', at });
const report = buildReport(makeSpokenAnalysis(), [tag(0, 'female'), tag(1, 'male'), tagVoice('v2', 'female'), tagVoice('v3', 'not-speech')], new Date(at));
const png = Buffer.from('png');
const charts = { share: png, timeline: png, persons: png, heard: png, speaking: png };

test('"Seen and heard" puts women\'s and men\'s share of screen time beside their share of speaking time', () => {
  const { heard } = chartSpecs(report);
  assert.ok(heard);
  // Seen: woman 0–1.75 and 4.75–5.75 s = 2.75 s; man 1.75–3.75 s = 2 s → 2.75 / 4.75.
  const seen = 2.75 / 4.75;
  assert.deepEqual(heard.categories, ['Seen (screen time)', 'Heard (speaking time)']);
  assert.deepEqual(heard.series.map((s) => s.colour), [COLOURS.female, COLOURS.male]);
  assert.ok(Math.abs(heard.series[0]!.values[0]! - seen * 100) < 1e-9);
  assert.ok(Math.abs(heard.series[0]!.values[1]! - 70) < 1e-9, 'women 3.5 of 5 s of speech');
  assert.ok(Math.abs(heard.series[1]!.values[1]! - 30) < 1e-9);
  assert.match(heard.title, /Women were 58% of those seen and 70% of those heard/);
});

test('the timeline gains speech rows and speaking time per person counts seen speakers and off-screen speech', () => {
  const { timeline, speaking } = chartSpecs(report);
  const lane = (label: string) => timeline.lanes.find((l) => l.label === label)?.segments;
  assert.deepEqual(lane('Women speaking'), [[0, 2], [4, 6], [9, 10]]);
  assert.deepEqual(lane('Men speaking'), [[2, 4]]);
  assert.ok(speaking);
  assert.deepEqual(speaking.labels, ['Person 0', 'Person 1', 'Heard off screen']);
  assert.deepEqual(speaking.values, [2, 1.5, 1.5]);
  assert.deepEqual(speaking.colours, [COLOURS.female, COLOURS.male, COLOURS.notFace]);
});

test('CSV and HTML carry speaking time, each person\'s speaking seconds and the definitions', () => {
  const csv = buildReportCsv(report);
  assert.match(csv, /\r\nspeakingTime\.total,,5,seconds,/);
  assert.match(csv, /\r\nspeakingTime\.share,female,0\.7,share \(0-1\),/);
  assert.match(csv, /\r\nspeakingTime\.offScreen\.seconds,female,1\.5,seconds,/);
  assert.match(csv, /\r\nspeakingTime\.notSpeechSeconds,,1,seconds,.*music/);
  assert.match(csv, /\r\nperson\.speakingSeconds,person 0,2,seconds,/);
  const html = buildReportHtml(report, { charts, thumbnails: new Map() });
  assert.match(html, /<h2 id="heard">Who is heard<\/h2>/);
  assert.match(html, /Speaking time: 5 s of speech, women 70%, men 30%\./);
  assert.match(html, /1 s of sound tagged "not speech" \(music, singing, a crowd\) is left out/);
  assert.match(html, /<th scope="col" class="num">Seen speaking<\/th>/);
  assert.match(html, /151 Hz/, 'the voice suggestion\'s weakness is in the definitions');
});

test('no sound: the HTML says "No speech found" plainly and draws no speech figures', () => {
  for (const [status, words] of [['none', 'No speech found: the video has no sound track.'], ['no-speech', 'No speech found in the sound.']] as const) {
    const silent = buildReport(makeSpokenAnalysis({ status, speechSeconds: 0 }, [], []), [tag(0, 'female')], new Date(at));
    const html = buildReportHtml(silent, { charts, thumbnails: new Map() });
    assert.ok(html.includes(`<p class="note no-speech">${words}</p>`), status);
    assert.doesNotMatch(html, /Seen speaking<\/th><th scope="col" class="num">Share/);
    assert.match(buildReportCsv(silent), new RegExp(`speakingTime\\.sound,,${status} \\(no speech found\\)`));
    assert.match(chartSpecs(silent).speaking?.subtitle ?? '', /No speech found/);
  }
});
