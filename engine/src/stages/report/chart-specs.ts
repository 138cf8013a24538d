/**
 * The three charts as plain data: what to draw, not how. Only the chart renderer turns these
 * into pictures, so the figures, labels and colours are tested here without any drawing.
 */
import type { Report } from '../../../../shared/src/report.js';
import { COLOURS, GROUP_LABELS } from '../../../../shared/src/palette.js';
import { formatDuration } from '../../../../shared/src/format/duration.js';
import { formatPercent } from '../../../../shared/src/format/percent.js';
import { heardChart, speakingChart, speechLanes } from './speaking-charts.js';
import { markedStretches } from './timeline.js';

interface ChartFrame {
  /** The finding, as a headline. */
  title: string;
  subtitle: string;
  /** Source line printed under the chart. */
  source: string;
  /** Alternative text: the chart's content in one or two sentences. */
  alt: string;
  /** CSS pixels; the PNG is rendered at twice this size. */
  width: number;
  height: number;
}

export interface LegendItem {
  label: string;
  colour: string;
}

export interface BarChartSpec extends ChartFrame {
  kind: 'bars';
  labels: string[];
  values: number[];
  colours: string[];
  /** Text written at the end of each bar. */
  valueLabels: string[];
  axisTitle: string;
  /** Axis maximum, or null to fit the data. */
  axisMax: number | null;
  /** How tick values are written: 50 → "50%", "50" (seconds) or "0:50" (minutes:seconds). */
  tickFormat: 'percent' | 'seconds' | 'clock';
  legend: LegendItem[];
}

export interface TimelineChartSpec extends ChartFrame {
  kind: 'timeline';
  lanes: Array<{ label: string; colour: string; segments: Array<[start: number, end: number]> }>;
  /** Seconds. */
  duration: number;
  /** Seconds between ticks, written as m:ss. */
  tickStep: number;
  axisTitle: string;
}

/** Vertical columns, one group per category (a video, a month) and one column per series (women, men). */
export interface GroupedBarChartSpec extends ChartFrame {
  kind: 'grouped';
  categories: string[];
  series: Array<{ label: string; colour: string; values: number[] }>;
  axisTitle: string;
  /** Percent axis maximum, or null to fit the data. */
  axisMax: number | null;
}

export type ChartSpec = BarChartSpec | TimelineChartSpec | GroupedBarChartSpec;
export interface ChartSpecs {
  share: BarChartSpec;
  timeline: TimelineChartSpec;
  persons: BarChartSpec;
  /** "Seen and heard" and speaking time per person: only for a report with speaking time. */
  heard?: GroupedBarChartSpec;
  speaking?: BarChartSpec;
}

/** The default CSS width of a chart (HTML report, CLI); a page may ask for the width it shows. */
export const CHART_WIDTH = 800;
/** The persons chart shows at most this many people (the longest on screen). */
export const MAX_PERSON_BARS = 25;

export function chartSpecs(report: Report, width = CHART_WIDTH): ChartSpecs {
  const source = sourceLine(report);
  const heard = heardChart(report, width, source);
  const speaking = speakingChart(report, width, source, MAX_PERSON_BARS);
  return { share: shareChart(report, width), timeline: timelineChart(report, width), persons: personsChart(report, width), ...(heard ? { heard } : {}), ...(speaking ? { speaking } : {}) };
}

function sourceLine(report: Report): string {
  const title = report.video.title ?? report.video.source;
  const shortTitle = title.length > 60 ? `${title.slice(0, 57)}…` : title;
  return `Source: onscreen analysis of "${shortTitle}" (${formatDuration(report.video.duration)}), ${report.sampling.fps} frames per second; ${describeTagging(report.quality)}.`;
}

/** Says honestly who decided the genders: a person for each cluster, or the classifier's suggestions. */
function describeTagging(quality: Report['quality']): string {
  const byPerson = quality.clustersTaggedByPerson;
  const accepted = quality.clustersAcceptedSuggestion;
  const untagged = quality.clustersUntagged > 0 ? `, ${quality.clustersUntagged} untagged` : '';
  if (quality.clustersRecognised > 0) {
    const parts = [byPerson > 0 ? `${byPerson} people tagged by hand` : '', `${quality.clustersRecognised} recognised from the people library`, accepted > 0 ? `${accepted} as suggested` : ''];
    return `${parts.filter(Boolean).join(', ')}${untagged}`;
  }
  if (accepted === 0) return `people tagged by hand${untagged}`;
  if (byPerson === 0) return `genders as suggested by the classifier, not checked by a person${untagged}`;
  return `${byPerson} people tagged by hand, ${accepted} as suggested${untagged}`;
}

function shareChart(report: Report, width: number): BarChartSpec {
  const { screenTime, coPresence } = report;
  const nobody = coPresence.nobody ?? coPresence.neither;
  const shares = [screenTime.female.share, screenTime.male.share, screenTime.unknown.share, report.video.duration > 0 ? nobody / report.video.duration : 0];
  const labels = [GROUP_LABELS.female, GROUP_LABELS.male, GROUP_LABELS.unknown, 'Nobody tagged'];
  const percents = shares.map((share) => formatPercent(share));
  return {
    kind: 'bars',
    title: `Women were on screen ${percents[0]} of the time, men ${percents[1]}`,
    subtitle:
      'Share of the running time with at least one person of each group visible. Women and men can be on screen together, so the bars can add up to more than 100%. "Nobody tagged": no woman, man or unknown person visible.',
    source: sourceLine(report),
    alt: `Bar chart of the share of running time with someone visible: ${labels.map((l, i) => `${l.toLowerCase()} ${percents[i]}`).join(', ')}.`,
    width,
    height: 380,
    labels,
    values: shares.map((s) => s * 100),
    colours: [COLOURS.female, COLOURS.male, COLOURS.unknown, COLOURS.nobody],
    valueLabels: percents,
    axisTitle: '% of running time',
    axisMax: 100,
    tickFormat: 'percent',
    legend: [],
  };
}

function timelineChart(report: Report, width: number): TimelineChartSpec {
  const { binSeconds, bins } = report.timeline;
  const duration = report.video.duration;
  const groups = (['female', 'male', 'unknown'] as const).filter((g) => g !== 'unknown' || bins.some((b) => b.unknown));
  const seenLanes: TimelineChartSpec['lanes'] = groups.map((group) => ({
    label: GROUP_LABELS[group], colour: COLOURS[group], segments: markedStretches(bins, binSeconds, duration, (bin) => bin[group]),
  }));
  const lanes = [...seenLanes, ...speechLanes(report)];
  const totals = `women ${formatDuration(report.screenTime.female.seconds)}, men ${formatDuration(report.screenTime.male.seconds)}`;
  return {
    kind: 'timeline',
    title: report.speakingTime ? 'When women and men were on screen, and when they spoke' : 'When women and men were on screen',
    subtitle: `Each mark is a moment with at least one person of the group visible (${binSeconds === 1 ? '1-second' : `${binSeconds}-second`} steps). In total: ${totals}.`,
    source: sourceLine(report),
    alt: `Timeline of the ${formatDuration(duration)} video with one lane per group; ${lanes.map((l) => `${l.label.toLowerCase()} appear in ${l.segments.length} stretch${l.segments.length === 1 ? '' : 'es'}`).join(', ')}; in total ${totals}.`,
    width,
    height: 150 + 46 * lanes.length,
    lanes,
    duration,
    tickStep: tickStepFor(duration),
    axisTitle: 'Time into the video (minutes:seconds)',
  };
}

function personsChart(report: Report, width: number): BarChartSpec {
  const shown = report.persons.slice(0, MAX_PERSON_BARS);
  const tagOf = (tag: Report['persons'][number]['tag']) => tag ?? 'untagged';
  const hidden = report.persons.length - shown.length;
  const tagsPresent = new Set(shown.map((p) => tagOf(p.tag)));
  const isLong = (shown[0]?.seconds ?? 0) >= 180;
  return {
    kind: 'bars',
    title: 'Screen time per person',
    subtitle:
      shown.length === 0
        ? 'No person was found in this video.'
        : `${hidden > 0 ? `The ${shown.length} people seen longest (of ${report.persons.length}), ` : 'Every person found, '}by time on screen, coloured by how they were tagged.`,
    source: sourceLine(report),
    alt: `Bar chart of screen time per person: ${shown.slice(0, 10).map((p) => `person ${p.id} (${GROUP_LABELS[tagOf(p.tag)].toLowerCase()}) ${formatDuration(p.seconds)}`).join(', ')}${shown.length > 10 ? ', and more' : ''}.`,
    width,
    height: 170 + 26 * Math.max(1, shown.length),
    labels: shown.map((p) => `Person ${p.id}`),
    values: shown.map((p) => p.seconds),
    colours: shown.map((p) => COLOURS[tagOf(p.tag)]),
    valueLabels: shown.map((p) => formatDuration(p.seconds)),
    axisTitle: isLong ? 'Time on screen (minutes:seconds)' : 'Seconds on screen',
    axisMax: null,
    tickFormat: isLong ? 'clock' : 'seconds',
    legend: (['female', 'male', 'unknown', 'untagged'] as const).filter((t) => tagsPresent.has(t)).map((t) => ({ label: GROUP_LABELS[t], colour: COLOURS[t] })),
  };
}

/** A round step (seconds) that gives about 5 to 10 ticks. */
function tickStepFor(duration: number): number {
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];
  return steps.find((s) => duration / s <= 10) ?? 3600 * Math.ceil(duration / 36000);
}
