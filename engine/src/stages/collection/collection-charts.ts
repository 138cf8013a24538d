/** The collection's three charts as plain data (drawn by adapters/chart-renderer.ts, like the video report's). */
import type { CollectionReport } from '../../../../shared/src/collection.js';
import type { BarChartSpec, GroupedBarChartSpec } from '../report/chart-specs.js';
import { COLOURS, GROUP_LABELS } from '../../../../shared/src/palette.js';
import { formatDuration } from '../../../../shared/src/format/duration.js';
import { formatPercent } from '../../../../shared/src/format/percent.js';

export interface CollectionChartSpecs {
  videos: GroupedBarChartSpec;
  trend: GroupedBarChartSpec;
  people: BarChartSpec;
}

export const COLLECTION_CHART_FILES = { videos: 'charts/videos.png', trend: 'charts/trend.png', people: 'charts/people.png' } as const;

const WIDTH = 800;
/** Charts show at most this many videos (the newest) and people (the most seen). */
export const MAX_VIDEO_COLUMNS = 40;
export const MAX_PEOPLE_BARS = 20;

export function collectionChartSpecs(collection: CollectionReport): CollectionChartSpecs {
  return { videos: videosChart(collection), trend: trendChart(collection), people: peopleChart(collection) };
}

function sourceLine(collection: CollectionReport): string {
  const { total } = collection;
  return `Source: onscreen, ${total.videos} video${total.videos === 1 ? '' : 's'} of "${collection.name}" (${formatDuration(total.duration)} in all).`;
}

function videosChart(collection: CollectionReport): GroupedBarChartSpec {
  const shown = collection.videos.slice(-MAX_VIDEO_COLUMNS);
  const { female, male } = collection.total.screenTime;
  const hidden = collection.videos.length - shown.length;
  return {
    kind: 'grouped',
    title: `Women were on screen ${formatPercent(female.share)} of the time, men ${formatPercent(male.share)}, over ${collection.total.videos} video${collection.total.videos === 1 ? '' : 's'}`,
    subtitle: `Share of each video's running time with at least one woman or man visible, in date order${hidden > 0 ? ` (the newest ${shown.length} of ${collection.videos.length})` : ''}.`,
    source: sourceLine(collection),
    alt: `Column chart of women's and men's share of screen time per video: ${shown.slice(0, 8).map((v) => `${v.date} women ${formatPercent(v.screenTime.female.share)}, men ${formatPercent(v.screenTime.male.share)}`).join('; ')}${shown.length > 8 ? '; and more' : ''}.`,
    width: WIDTH,
    height: 420,
    categories: shown.map((v) => shortLabel(`${v.date} ${v.title ?? v.source}`)),
    series: [
      { label: GROUP_LABELS.female, colour: COLOURS.female, values: shown.map((v) => v.screenTime.female.share * 100) },
      { label: GROUP_LABELS.male, colour: COLOURS.male, values: shown.map((v) => v.screenTime.male.share * 100) },
    ],
    axisTitle: '% of running time',
    axisMax: 100,
  };
}

function trendChart(collection: CollectionReport): GroupedBarChartSpec {
  const per = collection.periodKind === 'week' ? 'week' : 'month';
  return {
    kind: 'grouped',
    title: `Women's and men's share of screen time per ${per}`,
    subtitle: `Each ${per}'s videos added up: seconds with at least one woman or man visible, over the ${per}'s summed running time.`,
    source: sourceLine(collection),
    alt: `Column chart per ${per}: ${collection.periods.map((p) => `${p.period} women ${formatPercent(p.screenTime.female.share)}, men ${formatPercent(p.screenTime.male.share)}`).join('; ')}.`,
    width: WIDTH,
    height: 380,
    categories: collection.periods.map((p) => p.period),
    series: [
      { label: GROUP_LABELS.female, colour: COLOURS.female, values: collection.periods.map((p) => p.screenTime.female.share * 100) },
      { label: GROUP_LABELS.male, colour: COLOURS.male, values: collection.periods.map((p) => p.screenTime.male.share * 100) },
    ],
    axisTitle: '% of running time',
    axisMax: 100,
  };
}

function peopleChart(collection: CollectionReport): BarChartSpec {
  const shown = collection.people.slice(0, MAX_PEOPLE_BARS);
  const tagOf = (p: (typeof shown)[number]) => p.gender ?? 'untagged';
  const present = new Set(shown.map(tagOf));
  const label = (p: (typeof shown)[number]) => p.name ?? (p.videos.length > 1 ? `Unnamed (${p.videos.length} videos)` : `Person ${p.key.split('#').pop()} of one video`);
  const isLong = (shown[0]?.seconds ?? 0) >= 180;
  return {
    kind: 'bars',
    title: 'The people most on screen across the collection',
    subtitle: 'Screen time per person over all videos. A person remembered by the people library or named alike in several videos counts once.',
    source: sourceLine(collection),
    alt: `Bar chart of screen time per person: ${shown.slice(0, 10).map((p) => `${label(p)} ${formatDuration(p.seconds)}`).join(', ')}.`,
    width: WIDTH,
    height: 170 + 26 * Math.max(1, shown.length),
    labels: shown.map((p) => shortLabel(label(p))),
    values: shown.map((p) => p.seconds),
    colours: shown.map((p) => COLOURS[tagOf(p)]),
    valueLabels: shown.map((p) => formatDuration(p.seconds)),
    axisTitle: isLong ? 'Time on screen (minutes:seconds)' : 'Seconds on screen',
    axisMax: null,
    tickFormat: isLong ? 'clock' : 'seconds',
    legend: (['female', 'male', 'unknown', 'untagged'] as const).filter((t) => present.has(t)).map((t) => ({ label: GROUP_LABELS[t], colour: COLOURS[t] })),
  };
}

function shortLabel(text: string): string {
  return text.length > 28 ? `${text.slice(0, 27)}…` : text;
}
