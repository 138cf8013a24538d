import { test } from 'node:test';
import assert from 'node:assert/strict';
import { averageLinkage, type LinkageInput } from '../../../engine/src/stages/voices/average-linkage.js';
import { random } from '../../fixtures/random.js';

/** Points on a line: distance is the gap. */
function line(xs: number[], persons: (number | null)[] = xs.map(() => null), threshold = 1.6): LinkageInput {
  return { distance: xs.map((a) => Float64Array.from(xs, (b) => Math.abs(a - b))), sizes: xs.map(() => 1), persons, threshold };
}

/** The textbook way, every pair looked at before every merge. */
function naive(input: LinkageInput): number[][] {
  let groups = input.sizes.map((_, i) => ({ members: [i], person: input.persons[i] ?? null }));
  const d = (a: number[], b: number[]) => a.reduce((s, i) => s + b.reduce((t, j) => t + input.distance[i]![j]!, 0), 0) / (a.length * b.length);
  for (;;) {
    let best: [number, number, number] | null = null;
    for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        const [x, y] = [groups[a]!, groups[b]!];
        if (x.person !== null && y.person !== null && x.person !== y.person) continue;
        const gap = d(x.members, y.members);
        if (gap < input.threshold && (!best || gap < best[2])) best = [a, b, gap];
      }
    }
    if (!best) return groups.map((g) => g.members.sort((p, q) => p - q));
    const [a, b] = best;
    const joined = { members: [...groups[a]!.members, ...groups[b]!.members], person: groups[a]!.person ?? groups[b]!.person };
    groups = groups.filter((_, k) => k !== a && k !== b);
    groups.splice(a, 0, joined);
  }
}

const sorted = (groups: number[][]) => [...groups].sort((x, y) => x[0]! - y[0]!);

test('points join while their average distance is under the threshold', () => {
  assert.deepEqual(averageLinkage(line([0, 1, 2, 10, 11, 30])), [[0, 1, 2], [3, 4], [5]]);
  // 0 and 1 join at 1; 2 is then 1.5 from them on average: under 1.6, not under 1.5.
  assert.deepEqual(averageLinkage(line([0, 1, 2, 10, 11, 30], undefined, 1.5)), [[0, 1], [2], [3, 4], [5]]);
  assert.deepEqual(averageLinkage(line([0, 1, 2, 10, 11, 30], undefined, 0.5)), [[0], [1], [2], [3], [4], [5]]);
  assert.deepEqual(averageLinkage(line([])), []);
});

test('two people seen never share a group, even through a third piece close to both', () => {
  assert.deepEqual(averageLinkage(line([0, 1, 0.5], [1, 2, null])), [[0, 2], [1]]);
  assert.deepEqual(averageLinkage(line([0, 0.1, 5], [7, null, 7], 100)), [[0, 1, 2]]);
});

test('the same groups as the textbook algorithm on random tables with persons', () => {
  const next = random(11);
  for (let round = 0; round < 40; round++) {
    const n = 2 + Math.floor(next() * 25);
    const xs = Array.from({ length: n }, () => [next() * 10, next() * 10]);
    const distance = xs.map((a) => Float64Array.from(xs, (b) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!)));
    const persons = xs.map(() => (next() < 0.3 ? Math.floor(next() * 3) : null));
    const input = { distance, sizes: xs.map(() => 1), persons, threshold: 1 + next() * 4 };
    const expected = sorted(naive({ ...input, distance: distance.map((r) => Float64Array.from(r)) }));
    assert.deepEqual(sorted(averageLinkage(input)), expected, `round ${round}`);
  }
});

test('two thousand pieces group in a few seconds (the textbook way takes minutes)', () => {
  const next = random(5);
  const xs = Array.from({ length: 2000 }, () => [next() * 40, next() * 40]);
  const input = { distance: xs.map((a) => Float64Array.from(xs, (b) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!))), sizes: xs.map(() => 1), persons: xs.map(() => null), threshold: 1 };
  const started = performance.now();
  const groups = averageLinkage(input);
  const seconds = (performance.now() - started) / 1000;
  assert.equal(groups.flat().length, 2000);
  assert.ok(seconds < 30, `${seconds.toFixed(1)} s`);
});
