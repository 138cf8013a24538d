/**
 * A collection report over many analyses, from per-job summaries (what the service stores as jobs
 * finish): build, CSV, HTML and the three charts. The target is 2 s for 1,000 analyses.
 *   npx tsx scripts/bench/collection.bench.ts [--videos 1000]
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { VideoSummary } from '../../shared/src/collection.js';
import { renderCollection } from '../../engine/src/services/collection.service.js';

/** Synthetic but plausible summaries: 20–60 min programmes over two years, a recurring cast of 30 named people. */
export function syntheticSummaries(count: number): VideoSummary[] {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  return Array.from({ length: count }, (_, i) => {
    const duration = 1200 + random() * 2400;
    const female = duration * (0.2 + random() * 0.4);
    const male = duration * (0.3 + random() * 0.4);
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor((i / count) * 730) * 86_400_000).toISOString().slice(0, 10);
    const persons = Array.from({ length: 12 }, (_, p) => {
      const recurring = p < 4;
      const tag = p % 2 === 0 ? ('female' as const) : ('male' as const);
      return { id: p, tag, seconds: 30 + random() * 300, name: recurring ? `Presenter ${(i + p) % 30}` : null, libraryPerson: recurring ? `lib-${(i + p) % 30}` : null };
    });
    return {
      id: `job-${i}`, title: `Episode ${i}`, source: `https://example.org/${i}.mp4`, date: day, dateSource: 'youtube-upload', duration,
      screenTime: { female: { seconds: female, share: female / duration }, male: { seconds: male, share: male / duration }, unknown: { seconds: 0, share: 0 } },
      femaleShareRange: { low: female / duration - 0.01, high: female / duration + 0.02 },
      people: { female: 6, male: 6, unknown: 0, untagged: 0 },
      tagging: { byPerson: 8, fromLibrary: 4, acceptedSuggestion: 0, untagged: 0 },
      persons,
    };
  });
}

export async function benchCollection(videos: number): Promise<void> {
  const summaries = syntheticSummaries(videos);
  await renderCollection('warm-up', summaries.slice(0, 5), 'month');
  const start = performance.now();
  const rendered = await renderCollection('bench', summaries, 'month');
  const seconds = (performance.now() - start) / 1000;
  console.log(`collection report over ${videos} analyses (from stored summaries; JSON, CSV, HTML, 3 charts): ${seconds.toFixed(2)} s (target ≤ 2 s); ${rendered.collection.people.length} people, ${rendered.collection.periods.length} months`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { videos: { type: 'string' } } });
  await benchCollection(Number(values.videos ?? 1000));
}
