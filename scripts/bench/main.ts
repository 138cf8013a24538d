/**
 * `npm run bench`: speed and memory of `analyze` at 2 samples/s on a 720p video, beside the time
 * ffmpeg alone needs to decode the same samples (the floor no pipeline can beat), measured before
 * and after the analysis in the same run. Prints figures; asserts nothing. Video (`--video`, any
 * file): ../shared/eval/bench/dev/bench.mp4 when present, else the bundled sample.
 * On a shared, loaded machine wall times swing with the neighbours' load; the CPU-time ratio
 * (this process's CPU plus ffmpeg's decoding CPU, over ffmpeg's decoding CPU) is steadier.
 *
 *   npm run bench [-- --video path.mp4] [--fps 2] [--runs 1] [--repeat N] [--no-collection] [--no-speech]
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loopVideo } from '../../engine/src/adapters/ffmpeg-compose.adapter.js';
import { analyzeVideo } from '../../engine/src/services/analysis/analyze-video.js';
import { DEFAULT_ANALYZE_OPTIONS } from '../../shared/src/analysis.js';
import { ensureSampleVideo } from '../../engine/src/services/sample-video.js';
import { loadEngineConfig } from '../../engine/src/config/engine.config.js';
import { createEngine } from '../../engine/src/services/engine.js';
import { benchCollection } from './collection.bench.js';
import { benchSpeech, printSpeechShare } from './speech.bench.js';

/** The engine on the settings of the environment, as `onscreen analyze` builds it. */
const engine = createEngine(loadEngineConfig(process.env));
const system = engine.ffmpeg;

const EVAL_VIDEO = new URL('../../../shared/eval/bench/dev/bench.mp4', import.meta.url).pathname;
const HEARD_VIDEO = new URL('../../../shared/eval/heard/dev/heard.mp4', import.meta.url).pathname;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { video: { type: 'string' }, fps: { type: 'string' }, runs: { type: 'string' }, repeat: { type: 'string' }, 'no-collection': { type: 'boolean' }, 'no-speech': { type: 'boolean' } },
  });
  const fps = Number(values.fps ?? DEFAULT_ANALYZE_OPTIONS.fps);
  const runs = Number(values.runs ?? 1);
  const original = values.video ?? (existsSync(EVAL_VIDEO) ? EVAL_VIDEO : await ensureSampleVideo(engine, (l) => console.error(l)));
  // --repeat N: the same video N times over, to see that memory stays flat as videos get longer.
  const repeat = Number(values.repeat ?? 1);
  const scratch = await mkdtemp(join(tmpdir(), 'onscreen-bench-video-'));
  const video = repeat > 1 ? join(scratch, 'repeated.mp4') : original;
  if (repeat > 1) await loopVideo(system, original, video, repeat);
  const probe = await system.probeVideo(video);
  console.log(`# onscreen benchmark: ${video}`);
  console.log(`video: ${probe.width}x${probe.height}, ${probe.duration?.toFixed(1)} s, ${probe.frameRate ?? '?'} fps; sampling ${fps}/s; ${runs} run(s)`);

  const duration = probe.duration ?? 0;
  const decode = await measureDecode(video, fps, duration, 'before');

  const memory = startMemorySampler();
  for (let run = 1; run <= runs; run++) {
    const workDir = await mkdtemp(join(tmpdir(), 'onscreen-bench-'));
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    try {
      const { analysis, work } = await analyzeVideo(engine, { source: video, options: { ...DEFAULT_ANALYZE_OPTIONS, fps }, workDir });
      const wall = (performance.now() - start) / 1000;
      const cpu = cpuSecondsSince(cpuStart);
      const after = await measureDecode(video, fps, duration, 'after');
      const floor = (decode.seconds + after.seconds) / 2;
      console.log(`\nrun ${run}: analyze ${wall.toFixed(2)} s = ${(duration / wall).toFixed(1)}x realtime, ${(wall / floor).toFixed(2)}x the decode-only time (mean of before and after)`);
      const decodeCpu = decode.cpuSeconds !== null && after.cpuSeconds !== null ? (decode.cpuSeconds + after.cpuSeconds) / 2 : null;
      if (decodeCpu) console.log(`  CPU: ${cpu.toFixed(1)} s in this process + ${decodeCpu.toFixed(1)} s decoding = ${((cpu + decodeCpu) / decodeCpu).toFixed(2)}x the decode-only CPU time`);
      console.log(`  ${analysis.sampling.times.length} samples, ${analysis.faces.length} faces, ${analysis.tracks.length} tracks, ${analysis.clusters.length} people`);
      if (work) {
        const views = `${work.detectorViews} detector views (${(work.detectorViews / Math.max(1, work.detections)).toFixed(1)} per detected sample)`;
        console.log(`  model work: detector on ${work.detections} of ${work.samples} samples (boxes carried on the rest), ${views}, ${work.landmarkRuns} landmark runs, ${work.embeddings} faces embedded, ${work.genders} gender estimates`);
      }
      console.log('  stage times (s, wall; faces.* are inside faces):');
      for (const [stage, seconds] of Object.entries(analysis.timings)) console.log(`    ${stage.padEnd(22)} ${seconds.toFixed(3)}`);
      printSpeechShare(analysis);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }
  const peak = memory.stop();
  console.log(`\npeak memory of this process: RSS ${mib(peak.rss)} MiB, heap ${mib(peak.heap)} MiB, external+array buffers ${mib(peak.external)} MiB`);
  console.log('(ffmpeg runs in its own process and is not counted; see docs/evaluation.md for how to read these.)');
  await rm(scratch, { recursive: true, force: true });
  if (existsSync(HEARD_VIDEO) && video !== HEARD_VIDEO && !values['no-speech']) await benchSpeech(engine, HEARD_VIDEO, fps);
  if (values['no-collection']) return;
  console.log('');
  await benchCollection(1000);
}

async function measureDecode(video: string, fps: number, duration: number, when: string): Promise<{ seconds: number; cpuSeconds: number | null }> {
  const decode = await system.decodeOnly(video, fps);
  const cpu = decode.cpuSeconds === null ? '' : ` (CPU ${decode.cpuSeconds.toFixed(1)} s)`;
  console.log(`decode only (ffmpeg, same samples), ${when}: ${decode.seconds.toFixed(2)} s = ${(duration / decode.seconds).toFixed(1)}x realtime${cpu}`);
  return decode;
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function startMemorySampler(): { stop(): { rss: number; heap: number; external: number } } {
  const peak = { rss: 0, heap: 0, external: 0 };
  // The full reading walks the heap (about a millisecond each under load, counted in this process's
  // CPU): RSS every 100 ms, the heap figures every 500 ms.
  let ticks = 0;
  const sample = () => {
    peak.rss = Math.max(peak.rss, process.memoryUsage.rss());
    if (ticks++ % 5 !== 0) return;
    const m = process.memoryUsage();
    peak.heap = Math.max(peak.heap, m.heapUsed);
    peak.external = Math.max(peak.external, m.external + m.arrayBuffers);
  };
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      ticks = 0;
      sample();
      return peak;
    },
  };
}

function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
