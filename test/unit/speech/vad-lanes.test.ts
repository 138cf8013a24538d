import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runInLanes, STATE_PER_LANE, type LaneSettings, type RunVadBatch } from '../../../engine/src/stages/speech/vad-lanes.js';

const WINDOW = 4;
const settings: LaneSettings = { lanes: 3, laneWindows: 5, warmup: 2 };
/** Windows numbered 1, 2, 3…: every sample of window i is i. */
const sound = (from: number, count: number) => Float32Array.from({ length: count * WINDOW }, (_, k) => from + Math.floor(k / WINDOW));

/** A fake recurrent model: each lane answers the number of the window it saw one step before (its state). */
const echoPrevious: RunVadBatch = async (windows, batch, state) => {
  assert.equal(state.h.length, batch * STATE_PER_LANE);
  const probabilities = Array.from({ length: batch }, (_, lane) => state.h[lane * STATE_PER_LANE]!);
  const h = new Float32Array(state.h.length);
  for (let lane = 0; lane < batch; lane++) h[lane * STATE_PER_LANE] = windows[lane * WINDOW]!;
  return { probabilities, h, c: state.c };
};

test('lanes run side by side and each answer lands on its own window, in order', async () => {
  const stateless: RunVadBatch = async (windows, batch, state) => ({ probabilities: Array.from({ length: batch }, (_, lane) => windows[lane * WINDOW]!), ...state });
  const got = await runInLanes(sound(1, 13), 13, WINDOW, new Float32Array(0), stateless, settings);
  assert.deepEqual([...got], Array.from({ length: 13 }, (_, i) => i + 1));
});

test('each lane is warmed up on the sound before it; the first on the previous block, else silence', async () => {
  const first = await runInLanes(sound(1, 15), 15, WINDOW, new Float32Array(0), echoPrevious, settings);
  // Window 1 follows silence (0); window 6 starts lane 2, which was warmed up on windows 4 and 5.
  assert.deepEqual([...first], [0, ...Array.from({ length: 14 }, (_, i) => i + 1)]);
  const next = await runInLanes(sound(16, 4), 4, WINDOW, sound(14, 2), echoPrevious, settings);
  assert.deepEqual([...next], [15, 16, 17, 18]);
});

test('a block larger than the lanes hold is refused', async () => {
  await assert.rejects(runInLanes(sound(1, 16), 16, WINDOW, new Float32Array(0), echoPrevious, settings), /at most 15 windows/);
});
