/**
 * Speed of the faces stage per 720p frame, step by step, on one core (ONNX sessions use one thread).
 * Frames: samples spread over ../shared/eval/bench2/dev/bench.mp4 (1280x720, faces from 25 px to full
 * screen). Prints wall time and this process's CPU time (steadier on a shared machine); asserts nothing.
 *
 *   npx tsx scripts/bench/faces.bench.ts [--frames 60] [--runs 7,5,1] [--video clip.mp4]
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadEngineConfig } from '../../engine/src/config/engine.config.js';
import { createEngine } from '../../engine/src/services/engine.js';
import type { Frame } from '../../engine/src/stages/frames/frame.js';
import { detectFaces } from '../../engine/src/stages/faces/detect/detector.js';
import { createFaceAnalyzer } from '../../engine/src/stages/faces/face-analyzer.js';
import type { FaceModelId, RunModel } from '../../engine/src/stages/faces/face-models.js';

/** The engine on the settings of the environment (ONSCREEN_ONNX_THREADS=1 for one thread per session). */
const engine = createEngine(loadEngineConfig(process.env));

const VIDEO = new URL('../../../shared/eval/bench2/dev/bench.mp4', import.meta.url).pathname;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { frames: { type: 'string' }, runs: { type: 'string' }, video: { type: 'string' } } });
  const video = values.video ?? VIDEO;
  if (!existsSync(video)) {
    console.log(`faces bench: ${video} is absent; pass --video a 720p clip`);
    return;
  }
  const frames = await readFrames(video, Number(values.frames ?? 60));
  const { width, height } = frames[0]!;
  console.log(`# faces bench: ${frames.length} frames of ${width}x${height} from ${video}`);

  // Inference time per model, measured inside the runner; the rest of a step is preprocessing and decoding.
  const inference = new Map<FaceModelId, { ms: number; calls: number }>();
  const timedRun: RunModel = async (id, feeds) => {
    const start = performance.now();
    try {
      return await engine.models.run(id, feeds);
    } finally {
      const entry = inference.get(id) ?? { ms: 0, calls: 0 };
      entry.ms += performance.now() - start;
      entry.calls++;
      inference.set(id, entry);
    }
  };
  for (const frame of frames.slice(0, 2)) await createFaceAnalyzer(timedRun).analyzeFrame(frame); // warm-up

  for (const maxRuns of (values.runs ?? '7,5,1').split(',').map(Number)) {
    inference.clear();
    const start = performance.now();
    const cpu = cpuMs();
    let faces = 0;
    for (const frame of frames) faces += (await detectFaces(frame, timedRun, { minFaceSize: 20, scoreThreshold: 0.6, maxRuns })).length;
    const total = (performance.now() - start) / frames.length;
    const model = inference.get('detector')!;
    console.log(
      `detection, ${maxRuns} run(s)/frame: ${total.toFixed(1)} ms/frame wall (CPU ${((cpuMs() - cpu) / frames.length).toFixed(1)} ms) = ` +
        `${(model.ms / frames.length).toFixed(1)} inference (${(model.ms / model.calls).toFixed(2)} ms/run) + ` +
        `${(total - model.ms / frames.length).toFixed(1)} preprocessing and merging; ${(faces / frames.length).toFixed(2)} faces/frame`,
    );
  }

  inference.clear();
  const analyzer = createFaceAnalyzer(timedRun, { clock: () => performance.now() });
  const start = performance.now();
  const cpu = cpuMs();
  for (const frame of frames) await analyzer.analyzeFrame(frame);
  const wall = (performance.now() - start) / frames.length;
  const cpuPerFrame = (cpuMs() - cpu) / frames.length;
  const t = analyzer.timings();
  const perFrame = (s: number) => ((s * 1000) / frames.length).toFixed(1);
  const perCall = (id: FaceModelId) => {
    const e = inference.get(id);
    return e ? `${(e.ms / e.calls).toFixed(2)} ms x ${e.calls}` : 'not run';
  };
  console.log(`\nfull analyzer (defaults): ${wall.toFixed(1)} ms/frame wall (CPU ${cpuPerFrame.toFixed(1)} ms), ${(analyzer.counts().faces / frames.length).toFixed(2)} faces/frame`);
  console.log(`  detect    ${perFrame(t.detect!)} ms/frame (detector ${perCall('detector')})`);
  console.log(`  landmarks ${perFrame(t.landmarks!)} ms/frame (2 runs per face: crop and mirror; ${perCall('landmarks')})`);
  console.log(`  embed     ${perFrame(t.embed!)} ms/frame (${perCall('embedder')})`);
  console.log(`  gender    ${perFrame(t.gender!)} ms/frame (one batched call per frame; ${perCall('age-gender')})`);
  const budget = 1000 / (2 * 20 / 2);
  console.log(`\ntarget: 20x realtime at 2 samples/s on 2 cores = ${budget.toFixed(0)} ms per frame per core for everything`);
}

/** `count` frames evenly over the whole video (the stream's buffers are reused, so each is copied). */
async function readFrames(video: string, count: number): Promise<Frame[]> {
  const probe = await engine.ffmpeg.probeVideo(video);
  const fps = Math.min(2, count / Math.max(1, probe.duration ?? 1));
  const frames: Frame[] = [];
  for await (const frame of engine.ffmpeg.streamFrames(video, { fps, video: probe, maxSide: 1920 })) {
    frames.push({ ...frame, data: frame.data.slice() });
    if (frames.length >= count) break;
  }
  return frames;
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
