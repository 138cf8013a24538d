/**
 * The speaking-time charts as plain data (issue 14): "Seen and heard" (women's and men's share of
 * screen time beside their share of speaking time), speech rows for the timeline, and speaking
 * time per person. Drawn only by the chart renderer, like the other charts.
 */
import type { Report } from '../../../../shared/src/report.js';
import { COLOURS, GROUP_LABELS } from '../../../../shared/src/palette.js';
import { formatDuration } from '../../../../shared/src/format/duration.js';
import { formatPercent } from '../../../../shared/src/format/percent.js';
import { describeSpeaking } from '../../../../shared/src/format/speaking.js';
import type { BarChartSpec, GroupedBarChartSpec, TimelineChartSpec } from './chart-specs.js';
import { markedStretches } from './timeline.js';

type Lane = TimelineChartSpec['lanes'][number];

export function heardChart(report: Report, width: number, source: string): GroupedBarChartSpec | undefined {
  const s = report.speakingTime;
  if (!s) return undefined;
  const seen = report.femaleShareOfGendered;
  const heard = s.femaleShareOfGendered;
  const pair = (share: number | null) => (share === null ? [0, 0] : [share * 100, (1 - share) * 100]);
  const [seenWomen, seenMen] = pair(seen);
  const [heardWomen, heardMen] = pair(heard);
  const title = heard === null ? `Women were ${formatPercent(seen)} of those seen; ${describeSpeaking(s).replace(/\.$/, '')}` : `Women were ${formatPercent(seen)} of those seen and ${formatPercent(heard)} of those heard`;
  return {
    kind: 'grouped',
    title,
    subtitle: 'Of the time a woman or a man is on screen, and of the speech by a woman or a man, the share of each. Untagged and "unknown" people and voices are left out of both.',
    source,
    alt: `Grouped bar chart: seen, women ${formatPercent(seen)} and men ${formatPercent(seen === null ? null : 1 - seen)}; heard, women ${formatPercent(heard)} and men ${formatPercent(heard === null ? null : 1 - heard)}.`,
    width,
    height: 380,
    categories: ['Seen (screen time)', 'Heard (speaking time)'],
    series: [
      { label: GROUP_LABELS.female, colour: COLOURS.female, values: [seenWomen!, heardWomen!] },
      { label: GROUP_LABELS.male, colour: COLOURS.male, values: [seenMen!, heardMen!] },
    ],
    axisTitle: '% of time seen or heard (women and men)',
    axisMax: 100,
  };
}

/** The timeline's speech rows: one per group heard, after the rows of those seen. */
export function speechLanes(report: Report): Lane[] {
  const { binSeconds, bins } = report.timeline;
  if (!report.speakingTime) return [];
  const groups = (['female', 'male', 'unknown'] as const).filter((g) => g !== 'unknown' || bins.some((b) => b.speaking?.unknown));
  return groups.map((group) => ({
    label: `${GROUP_LABELS[group]} speaking`,
    colour: COLOURS[group],
    segments: markedStretches(bins, binSeconds, report.video.duration, (bin) => bin.speaking?.[group] === true),
  }));
}

export function speakingChart(report: Report, width: number, source: string, maxBars: number): BarChartSpec | undefined {
  const s = report.speakingTime;
  if (!s) return undefined;
  const tagOf = (tag: Report['persons'][number]['tag']) => tag ?? 'untagged';
  const speakers = report.persons.filter((p) => (p.speakingSeconds ?? 0) > 0).sort((a, b) => b.speakingSeconds! - a.speakingSeconds! || a.id - b.id).slice(0, maxBars);
  const bars = [
    ...speakers.map((p) => ({ label: `Person ${p.id}`, seconds: p.speakingSeconds!, colour: COLOURS[tagOf(p.tag)] })),
    ...(s.offScreen.seconds > 0 ? [{ label: 'Heard off screen', seconds: s.offScreen.seconds, colour: COLOURS.notFace }] : []),
  ];
  const tagsPresent = new Set(speakers.map((p) => tagOf(p.tag)));
  return {
    kind: 'bars',
    title: 'Speaking time per person',
    subtitle: bars.length === 0 ? describeSpeaking(s) : 'Seconds each person is seen speaking, coloured by how they were tagged; speech with no speaker seen is one bar, "Heard off screen".',
    source,
    alt: bars.length === 0 ? describeSpeaking(s) : `Bar chart of speaking time: ${bars.slice(0, 10).map((b) => `${b.label.toLowerCase()} ${formatDuration(b.seconds)}`).join(', ')}${bars.length > 10 ? ', and more' : ''}.`,
    width,
    height: 170 + 26 * Math.max(1, bars.length),
    labels: bars.map((b) => b.label),
    values: bars.map((b) => b.seconds),
    colours: bars.map((b) => b.colour),
    valueLabels: bars.map((b) => formatDuration(b.seconds)),
    axisTitle: 'Seconds of speech',
    axisMax: null,
    tickFormat: 'seconds',
    legend: [
      ...(['female', 'male', 'unknown', 'untagged'] as const).filter((t) => tagsPresent.has(t)).map((t) => ({ label: GROUP_LABELS[t], colour: COLOURS[t] })),
      ...(s.offScreen.seconds > 0 ? [{ label: 'Off screen (all voices)', colour: COLOURS.notFace }] : []),
    ],
  };
}
