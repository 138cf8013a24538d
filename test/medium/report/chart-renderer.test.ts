// Real: chart.js drawing on @napi-rs/canvas, PNG encoding and decoding. Data: a hand-made analysis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Edit, Tag } from '../../../shared/src/analysis.js';
import { PIXEL_RATIO, renderCharts } from '../../../engine/src/adapters/chart-renderer.js';
import { buildReport } from '../../../engine/src/stages/report/build-report.js';
import { COLOURS } from '../../../shared/src/palette.js';
import { chartSpecs } from '../../../engine/src/stages/report/chart-specs.js';
import { makeAnalysis, range } from '../../unit/report/analysis-fixture.js';

// 60 s at 2 samples/s: person 0 on screen 0–20 s, person 1 at 15–45 s, person 2 at 40–60 s.
const analysis = makeAnalysis({
  duration: 60,
  cuts: [20.2, 40.1],
  clusters: [[{ samples: range(0, 40), female: 0.9 }], [{ samples: range(30, 60), female: 0.1 }], [{ samples: range(80, 40), female: 0.7 }]],
});
const tag = (cluster: number, value: Tag): Edit => ({ kind: 'tag', cluster, tag: value, by: 'ana', at: '2024-01-01T00:00:00Z' });

async function decode(png: Buffer) {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, pixels: ctx.getImageData(0, 0, image.width, image.height).data };
}

function countColour(pixels: Uint8ClampedArray, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let count = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (Math.abs(pixels[i]! - r) < 6 && Math.abs(pixels[i + 1]! - g) < 6 && Math.abs(pixels[i + 2]! - b) < 6) count += 1;
  }
  return count;
}

function countNonWhite(pixels: Uint8ClampedArray): number {
  let count = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 240 || pixels[i + 1]! < 240 || pixels[i + 2]! < 240) count += 1;
  return count;
}

test('the three charts decode as PNGs at twice their CSS size, on white, with content', async () => {
  const report = buildReport(analysis, [tag(0, 'female'), tag(1, 'male')], new Date('2024-01-02T00:00:00Z'));
  const specs = chartSpecs(report);
  const charts = await renderCharts(specs);
  for (const name of ['share', 'timeline', 'persons'] as const) {
    const { width, height, pixels } = await decode(charts[name]);
    assert.equal(width, specs[name].width * PIXEL_RATIO, `${name} width`);
    assert.equal(height, specs[name].height * PIXEL_RATIO, `${name} height`);
    assert.deepEqual([...pixels.slice(0, 4)], [255, 255, 255, 255], `${name} has a white, opaque background`);
    const inked = countNonWhite(pixels) / (width * height);
    assert.ok(inked > 0.02 && inked < 0.6, `${name}: ${(inked * 100).toFixed(1)}% of pixels drawn`);
    assert.ok(countColour(pixels, COLOURS.female) > 1000, `${name} shows the women's colour`);
    assert.ok(countColour(pixels, COLOURS.male) > 1000, `${name} shows the men's colour`);
  }
});

test('retagging a person as a woman grows the women’s colour in every chart', async () => {
  const before = await renderCharts(chartSpecs(buildReport(analysis, [tag(0, 'female'), tag(1, 'male')], new Date())));
  const after = await renderCharts(chartSpecs(buildReport(analysis, [tag(0, 'female'), tag(1, 'male'), tag(2, 'female')], new Date())));
  for (const name of ['share', 'timeline', 'persons'] as const) {
    const orangeBefore = countColour((await decode(before[name])).pixels, COLOURS.female);
    const orangeAfter = countColour((await decode(after[name])).pixels, COLOURS.female);
    assert.ok(orangeAfter > orangeBefore * 1.3, `${name}: ${orangeBefore} → ${orangeAfter} orange pixels`);
  }
});

test('a report with nobody tagged still renders every chart', async () => {
  const empty = makeAnalysis({ duration: 5, clusters: [] });
  const specs = chartSpecs(buildReport(empty, [], new Date()));
  const charts = await renderCharts(specs);
  for (const name of ['share', 'timeline', 'persons'] as const) {
    const { width, pixels } = await decode(charts[name]);
    assert.equal(width, specs[name].width * PIXEL_RATIO);
    assert.ok(countNonWhite(pixels) > 1000, `${name} still has titles and axes`);
  }
});
