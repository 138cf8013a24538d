/**
 * Voices on ../shared/eval/heard/dev: speech found by the voice model, cut at the truth's shot
 * boundaries (the frames stage finds the same hard cuts; taking them from the truth measures the
 * voices alone), then grouped twice:
 *   - heard only: nobody is seen speaking (every segment as if off screen): grouping by sound alone;
 *   - with the speakers seen: segments of on-screen speakers carry the truth's speaker as the
 *     person seen speaking (as a perfect speaking-person step would), voice-overs none.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SpeechSegment } from '../../shared/src/analysis.js';
import { findSpeech } from '../../engine/src/services/analysis/find-speech.js';
import { findVoices } from '../../engine/src/services/analysis/find-voices.js';
import { createEngine } from '../../engine/src/services/engine.js';
import { splitAtCuts } from '../../engine/src/stages/speech/split-at-cuts.js';
import { scoreVoices, speakerOf, type HeardTruth } from './voices-score.js';

export async function evaluateVoices(evalDir: string): Promise<void> {
  const dir = join(evalDir, 'heard', 'dev');
  const video = join(dir, 'heard.mp4');
  if (!existsSync(video)) {
    console.log('\n## voices on heard/dev: SKIPPED (not found)');
    return;
  }
  const truth = JSON.parse(await readFile(join(dir, 'truth.json'), 'utf8')) as HeardTruth;
  const cuts = truth.shots.slice(1).map((s) => s.start_s);
  const engine = createEngine();
  const speech = await findSpeech(engine, video);
  const scratch = await mkdtemp(join(tmpdir(), 'onscreen-voices-eval-'));
  console.log(`\n## voices on heard/dev (${speech.segments.length} speech segments found; cuts from the truth)`);
  try {
    const identities = [...new Set(truth.shots.flatMap((s) => (s.audio ? [s.audio.identity] : [])))];
    for (const seen of [false, true]) {
      // Attributed shot by shot, as the speaking-person step should (a segment across a cut may be two speakers).
      const pieces = splitAtCuts(speech.segments.map(([start, end]) => ({ start, end })), cuts);
      const segments = pieces.map(({ start, end }): SpeechSegment => ({ start, end, voice: null, person: seen ? seenSpeaker(truth, identities, start, end) : null, confidence: null }));
      const started = performance.now();
      const found = await findVoices(engine, video, segments, { cuts, scratchDir: scratch });
      const seconds = (performance.now() - started) / 1000;
      const score = scoreVoices(truth, found.speech, new Map(found.voices.map((v) => [v.id, v.suggestion?.gender ?? null])));
      console.log(`  ${seen ? 'with the speakers seen' : 'heard only'}: ${score.voices} voices for ${score.speakers} speakers (${score.splitSpeakers} speakers split over several voices); ${score.pureVoices} of ${score.voices} voices pure, purity ${pct(score.purity)} of voiced seconds; ${pct(score.unvoicedShare)} of true speech found left without a voice (too short to tell)`);
      console.log(`    suggestions: ${score.suggestionsRight} right of ${score.suggestions} made, for ${score.voices} voices; linked to a person: ${found.voices.filter((v) => v.person !== null).length}; ${seconds.toFixed(1)} s`);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
    await engine.models.release();
  }
}

/** The truth's speaker as a person id when they are on screen in the segment's shot, else null. */
function seenSpeaker(truth: HeardTruth, identities: string[], start: number, end: number): number | null {
  const speaker = speakerOf(truth, start, end);
  const middle = (start + end) / 2;
  const shot = truth.shots.find((s) => s.start_s <= middle && middle < s.end_s);
  return speaker && shot?.audio?.on_screen && shot.audio.identity === speaker.identity ? identities.indexOf(speaker.identity) : null;
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}
