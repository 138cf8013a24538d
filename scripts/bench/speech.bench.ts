/**
 * The speaking-time path's share of an analysis (issue 14: at most 15% added). bench/dev has no sound
 * track, so its share is only the look for one; the speaking-time benchmark's video (heard/dev:
 * talking heads, two-shots, voice-overs) is analysed too, to measure the path where there is speech.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Analysis } from '../../shared/src/analysis.js';
import { DEFAULT_ANALYZE_OPTIONS } from '../../shared/src/analysis.js';
import { analyzeVideo } from '../../engine/src/services/analysis/analyze-video.js';
import type { Engine } from '../../engine/src/services/engine.js';

/** "speech path 1.2 s = 4.5% added to the rest (voice model 0.8 s, mouths 0.4 s); sound: speech, 38.0 s of speech". */
export function printSpeechShare(analysis: Analysis): void {
  const t = analysis.timings;
  const speech = t.speech ?? 0;
  const total = Object.entries(t).filter(([stage]) => !stage.includes('.')).reduce((sum, [, seconds]) => sum + seconds, 0);
  const rest = total - speech;
  const share = rest > 0 ? `${((speech / rest) * 100).toFixed(1)}% added to the rest of the analysis` : 'n/a';
  console.log(`  speech path ${speech.toFixed(2)} s = ${share} (target <= 15%; voice model ${(t['speech.vad'] ?? 0).toFixed(2)} s, mouths ${(t['speech.mouths'] ?? 0).toFixed(2)} s); sound: ${analysis.sound?.status ?? 'absent'}, ${analysis.sound?.speechSeconds.toFixed(1) ?? 0} s of speech`);
}

export async function benchSpeech(engine: Engine, video: string, fps: number): Promise<void> {
  const workDir = await mkdtemp(join(tmpdir(), 'onscreen-bench-speech-'));
  try {
    const start = performance.now();
    const { analysis } = await analyzeVideo(engine, { source: video, options: { ...DEFAULT_ANALYZE_OPTIONS, fps }, workDir });
    const wall = (performance.now() - start) / 1000;
    console.log(`\nspeech path on ${video} (${analysis.video.duration.toFixed(1)} s, analysed in ${wall.toFixed(1)} s):`);
    printSpeechShare(analysis);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
