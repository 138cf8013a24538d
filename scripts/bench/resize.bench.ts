/**
 * Speed of the pixel samplers that prepare model inputs (issue 12), the engine's against the plain
 * references in test/fixtures/image/samplers.reference.ts, on 720p frames: the detector's views (whole
 * frame and tiles, 320x240), a mirrored landmark crop (grey 64x64), an embedder warp (112x112) and a
 * thumbnail crop (96x96). Frames are synthetic noise, several of them, so each view reads a picture
 * that is not in the cache, as in a run.
 * Prints the median ms per call (CPU of this process) over rounds where the two alternate, and their
 * ratio; asserts nothing (test/unit/faces/image-ops-reference.test.ts checks the outputs are the same).
 *
 *   npx tsx scripts/bench/resize.bench.ts [--rounds 15]
 */
import { parseArgs } from 'node:util';
import { DETECTOR_INPUT, DETECTOR_NORM, RELIABLE_FACE_SIZE } from '../../engine/src/stages/faces/detect/detector.js';
import { planDetectionViews } from '../../engine/src/stages/faces/detect/tiling.js';
import { EMBEDDER_NORM } from '../../engine/src/stages/faces/embedder.js';
import { makeSimilarity } from '../../engine/src/stages/faces/image/affine.js';
import { LANDMARK_NORM } from '../../engine/src/stages/faces/landmarks.js';
import { cropResizeToTensor } from '../../engine/src/stages/faces/image/resize.js';
import type { RgbImage } from '../../engine/src/stages/faces/image/rgb-image.js';
import { warpAffineToTensor } from '../../engine/src/stages/faces/image/warp.js';
import { cropFace } from '../../engine/src/stages/people/face-crop.js';
import type { Frame } from '../../engine/src/stages/frames/frame.js';
import { random } from '../../test/fixtures/random.js';
import { referenceCropFace, referenceCropResize, referenceWarpAffine } from '../../test/fixtures/image/samplers.reference.js';

const WIDTH = 1280;
const HEIGHT = 720;
const FRAMES = 12;

function main(): void {
  const { values } = parseArgs({ options: { rounds: { type: 'string' } } });
  const rounds = Number(values.rounds ?? 15);
  const next = random(7);
  const frames: RgbImage[] = Array.from({ length: FRAMES }, () => ({ width: WIDTH, height: HEIGHT, data: Uint8Array.from({ length: WIDTH * HEIGHT * 3 }, () => (next() * 256) | 0) }));
  const { views } = planDetectionViews(WIDTH, HEIGHT, { modelWidth: 320, modelHeight: 240, reliableFaceSize: RELIABLE_FACE_SIZE, minFaceSize: 20, maxRuns: 7 });
  const input = new Float32Array(3 * 320 * 240);
  const faces = new Float32Array(3 * 112 * 112);
  const toSource = makeSimilarity(1.7, 0.2, 600, 300);
  console.log(`# resize bench: ${FRAMES} frames of ${WIDTH}x${HEIGHT} (noise), ${views.length} detector views each, ${rounds} rounds`);

  const detector = (resize: typeof cropResizeToTensor, from: number, to: number) => (frame: RgbImage) => {
    for (let v = from; v < to; v++) resize(frame, views[v]!, DETECTOR_INPUT.width, DETECTOR_INPUT.height, DETECTOR_NORM, input, 0);
  };
  const grey = new Float32Array(64 * 64);
  const mirrored = { x: 690, y: 290, width: -100, height: 100 };
  const landmarks = (resize: typeof cropResizeToTensor) => (frame: RgbImage) => resize(frame, mirrored, 64, 64, LANDMARK_NORM, grey, 0);
  const warp = (warpAffine: typeof warpAffineToTensor) => (frame: RgbImage) => warpAffine(frame, toSource, 112, 112, EMBEDDER_NORM, faces, 0);
  const box: [number, number, number, number] = [600, 300, 80, 90];
  const crop = (cut: typeof referenceCropFace) => (frame: RgbImage) => cut(frame, box, 96);
  const cases: [string, (frame: RgbImage) => unknown, (frame: RgbImage) => unknown, number][] = [
    ['detector, whole frame', detector(referenceCropResize, 0, 1), detector(cropResizeToTensor, 0, 1), 1],
    ['detector, one tile', detector(referenceCropResize, 1, views.length), detector(cropResizeToTensor, 1, views.length), views.length - 1],
    ['landmarks, mirrored 64x64', landmarks(referenceCropResize), landmarks(cropResizeToTensor), 1],
    ['embedder warp 112x112', warp(referenceWarpAffine), warp(warpAffineToTensor), 1],
    ['thumbnail crop 96x96', crop(referenceCropFace), crop((frame, box, size) => cropFace(frame as Frame, box, size)), 1],
  ];
  // Reference and engine alternate round by round, so a busy neighbour slows both alike; medians of the rounds.
  for (const [name, reference, engine, callsPerFrame] of cases) {
    const times = { reference: [] as number[], engine: [] as number[] };
    for (let round = -2; round < rounds; round++) {
      for (const [key, run] of [['reference', reference], ['engine', engine]] as const) {
        const cpu = process.cpuUsage();
        for (const frame of frames) run(frame);
        const used = process.cpuUsage(cpu);
        if (round >= 0) times[key].push((used.user + used.system) / 1000 / frames.length / callsPerFrame);
      }
    }
    const ratios = times.engine.map((t, i) => t / times.reference[i]!);
    console.log(`${name.padEnd(26)} reference ${median(times.reference).toFixed(3)} ms, engine ${median(times.engine).toFixed(3)} ms per call (CPU); engine/reference ${median(ratios).toFixed(2)}`);
  }
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[values.length >> 1]!;
}

main();
