import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fft } from '../../../engine/src/stages/voices/fft.js';
import { SpectrumAnalyzer } from '../../../engine/src/stages/voices/spectrum.js';
import { harmonicVoice, noise, silence, tone } from './synthetic-sound.js';

test('the FFT puts a sine at its bin and matches a direct transform', () => {
  const n = 64;
  const re = Float64Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * 5 * i) / n) + 0.5 * Math.cos((2 * Math.PI * 12 * i) / n));
  const input = Float64Array.from(re);
  const im = new Float64Array(n);
  fft(re, im);
  for (let k = 0; k < n; k++) {
    let dr = 0;
    let di = 0;
    for (let j = 0; j < n; j++) {
      dr += input[j]! * Math.cos((-2 * Math.PI * k * j) / n);
      di += input[j]! * Math.sin((-2 * Math.PI * k * j) / n);
    }
    assert.ok(Math.abs(re[k]! - dr) < 1e-9 && Math.abs(im[k]! - di) < 1e-9, `bin ${k}`);
  }
  assert.ok(Math.abs(Math.hypot(re[5]!, im[5]!) - n / 2) < 1e-9);
});

test('the centroid of a tone is its frequency; a voice leans low, noise high', () => {
  const analyzer = new SpectrumAnalyzer();
  for (const hz of [500, 1000, 3000]) {
    const { centroidHz } = analyzer.analyze(tone(hz, 0.1));
    assert.ok(Math.abs(centroidHz - hz) < 20, `${hz} Hz tone: centroid ${centroidHz}`);
  }
  const voice = analyzer.analyze(harmonicVoice(120, 0.1, { wobble: 0 }));
  const hiss = analyzer.analyze(noise(0.1, 3));
  assert.ok(voice.centroidHz < 1500 && hiss.centroidHz > 3000, `voice ${voice.centroidHz}, noise ${hiss.centroidHz}`);
  assert.ok(voice.tiltDbPerOctave < hiss.tiltDbPerOctave - 3, `tilt: voice ${voice.tiltDbPerOctave}, noise ${hiss.tiltDbPerOctave}`);
});

test('MFCCs: thirteen finite numbers; louder sound raises c0 only; another vowel changes the shape', () => {
  const analyzer = new SpectrumAnalyzer();
  const a = harmonicVoice(150, 0.1, { wobble: 0 });
  const quiet = analyzer.analyze(a).mfcc;
  const loud = analyzer.analyze(a.map((x) => 4 * x)).mfcc;
  assert.equal(quiet.length, 13);
  assert.ok([...quiet].every(Number.isFinite));
  assert.ok(Math.abs(loud[0]! - quiet[0]! - Math.log(16) * Math.sqrt(26)) < 1e-6, 'c0 carries the loudness (×4 in amplitude is ×16 in power)');
  for (let k = 1; k < 13; k++) assert.ok(Math.abs(loud[k]! - quiet[k]!) < 1e-6, `c${k} does not move with loudness`);
  const other = analyzer.analyze(harmonicVoice(150, 0.1, { wobble: 0, formants: [300, 2300, 3000] })).mfcc;
  const shapeChange = Math.hypot(...[...other].slice(1).map((c, k) => c - quiet[k + 1]!));
  assert.ok(shapeChange > 2, `another vowel: ${shapeChange}`);
  assert.ok([...analyzer.analyze(silence(0.1)).mfcc].every(Number.isFinite), 'silence stays finite');
});
