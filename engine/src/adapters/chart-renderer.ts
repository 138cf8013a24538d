/**
 * Draws the report's charts (plain specs from stages/report/chart-specs.ts) as PNG images.
 * The only code that knows chart.js. Runs without a DOM: chart.js falls back to its basic
 * platform on an @napi-rs/canvas canvas, with animation and responsiveness off.
 */
import { createRequire } from 'node:module';
import { type SKRSContext2D, GlobalFonts, createCanvas } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration, type Plugin, registerables } from 'chart.js';
import type { BarChartSpec, ChartSpec, ChartSpecs, GroupedBarChartSpec, TimelineChartSpec } from '../stages/report/chart-specs.js';
import { COLOURS } from '../../../shared/src/palette.js';
import { formatClock } from '../../../shared/src/format/clock.js';

/** Rendered at twice the CSS size, so the images stay sharp on high-density screens and in print. */
export const PIXEL_RATIO = 2;
const PREFERRED_FONTS = ['Inter', 'Helvetica Neue', 'Arial', 'Liberation Sans', 'DejaVu Sans', 'Noto Sans', 'Open Sans'];
/** Looked in when the system's font folders gave @napi-rs/canvas nothing (it bundles no font). */
const EXTRA_FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts', '/Library/Fonts', '/System/Library/Fonts', 'C:\\Windows\\Fonts'];

let fontFamily: string | undefined;

export async function renderCharts(specs: ChartSpecs): Promise<{ share: Buffer; timeline: Buffer; persons: Buffer; heard?: Buffer; speaking?: Buffer }> {
  const charts = { share: await renderChart(specs.share), timeline: await renderChart(specs.timeline), persons: await renderChart(specs.persons) };
  const heard = specs.heard ? await renderChart(specs.heard) : undefined;
  const speaking = specs.speaking ? await renderChart(specs.speaking) : undefined;
  return { ...charts, ...(heard ? { heard } : {}), ...(speaking ? { speaking } : {}) };
}

export async function renderChart(spec: ChartSpec): Promise<Buffer> {
  const family = chooseFont();
  Chart.register(...registerables);
  const canvas = createCanvas(spec.width, spec.height);
  const config = spec.kind === 'timeline' ? timelineConfig(spec, family) : spec.kind === 'grouped' ? groupedConfig(spec, family) : barConfig(spec, family);
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, config as ChartConfiguration);
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}

/** The first preferred font the machine has; falls back to whatever exists, or to 'sans-serif' (then text may not show). */
function chooseFont(): string {
  if (fontFamily) return fontFamily;
  if (GlobalFonts.families.length === 0) for (const dir of EXTRA_FONT_DIRS) GlobalFonts.loadFontsFromDir(dir);
  registerBundledFont();
  const available = new Set(GlobalFonts.families.map((f) => f.family));
  fontFamily = PREFERRED_FONTS.find((f) => available.has(f)) ?? [...available].find((f) => !/mono|math|emoji|symbol/i.test(f)) ?? 'sans-serif';
  return fontFamily;
}

/**
 * DejaVu Sans from the dejavu-fonts-ttf package, so that a machine with no fonts at all (a bare
 * server or container) still gets charts with text. Used when no preferred font is installed.
 */
function registerBundledFont(): void {
  const require = createRequire(import.meta.url);
  for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
    try {
      GlobalFonts.registerFromPath(require.resolve(`dejavu-fonts-ttf/ttf/${file}`), 'DejaVu Sans');
    } catch {
      // Not installed: the system's fonts, if any, will do.
    }
  }
}

function frameOptions(spec: ChartSpec, family: string) {
  const measure = createCanvas(10, 10).getContext('2d');
  const wrapAt = spec.width - 40;
  return {
    animation: false as const,
    responsive: false,
    devicePixelRatio: PIXEL_RATIO,
    font: { family },
    layout: { padding: { left: 16, right: 56, top: 8, bottom: 34 } },
    plugins: {
      title: { display: true, text: wrap(measure, spec.title, `bold 19px "${family}"`, wrapAt), align: 'start' as const, color: COLOURS.text, font: { family, size: 19, weight: 'bold' as const }, padding: { top: 6, bottom: 4 } },
      subtitle: { display: true, text: wrap(measure, spec.subtitle, `13px "${family}"`, wrapAt), align: 'start' as const, color: COLOURS.muted, font: { family, size: 13 }, padding: { bottom: 14 } },
      tooltip: { enabled: false },
    },
  };
}

function barConfig(spec: BarChartSpec, family: string) {
  const frame = frameOptions(spec, family);
  const max = spec.axisMax ?? niceMax(Math.max(0, ...spec.values) * 1.12);
  return {
    type: 'bar',
    data: { labels: spec.labels, datasets: [{ data: spec.values, backgroundColor: spec.colours, barPercentage: 0.82, categoryPercentage: 0.9 }] },
    options: {
      ...frame,
      indexAxis: 'y',
      scales: {
        x: {
          min: 0, max, grid: { color: COLOURS.grid }, border: { display: false },
          title: { display: true, text: spec.axisTitle, color: COLOURS.muted, font: { family, size: 12 } },
          ticks: { color: COLOURS.muted, font: { family, size: 12 }, maxRotation: 0, callback: (v: number | string) => formatTick(Number(v), spec.tickFormat) },
        },
        y: { grid: { display: false }, border: { color: COLOURS.muted }, ticks: { color: COLOURS.text, font: { family, size: 13 } } },
      },
      plugins: {
        ...frame.plugins,
        legend: {
          display: spec.legend.length > 0, align: 'start', position: 'top',
          labels: { color: COLOURS.text, font: { family, size: 12 }, boxWidth: 14, boxHeight: 14, generateLabels: () => spec.legend.map((l) => ({ text: l.label, fillStyle: l.colour, strokeStyle: l.colour, lineWidth: 0, hidden: false })) },
        },
      },
    },
    plugins: [whiteBackground, sourceLine(spec.source, family), valueLabels(spec.valueLabels, family)],
  };
}

function timelineConfig(spec: TimelineChartSpec, family: string) {
  const frame = frameOptions(spec, family);
  const labels = spec.lanes.map((l) => l.label);
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        ...spec.lanes.map((lane) => ({ data: lane.segments.map((s) => ({ x: s, y: lane.label })), backgroundColor: lane.colour, grouped: false, barPercentage: 0.75, categoryPercentage: 1, order: 1 })),
        { data: labels.map((y) => ({ x: [0, spec.duration], y })), backgroundColor: COLOURS.nobody, grouped: false, barPercentage: 0.75, categoryPercentage: 1, order: 2 },
      ],
    },
    options: {
      ...frame,
      indexAxis: 'y',
      scales: {
        x: {
          type: 'linear', min: 0, max: spec.duration, grid: { color: COLOURS.grid }, border: { display: false },
          title: { display: true, text: spec.axisTitle, color: COLOURS.muted, font: { family, size: 12 } },
          ticks: { stepSize: spec.tickStep, color: COLOURS.muted, font: { family, size: 12 }, callback: (v: number | string) => formatClock(Number(v)) },
        },
        y: { grid: { display: false }, border: { display: false }, ticks: { color: COLOURS.text, font: { family, size: 13, weight: 'bold' } } },
      },
      plugins: { ...frame.plugins, legend: { display: false } },
    },
    plugins: [whiteBackground, sourceLine(spec.source, family)],
  };
}

function groupedConfig(spec: GroupedBarChartSpec, family: string) {
  const frame = frameOptions(spec, family);
  const max = spec.axisMax ?? niceMax(Math.max(0, ...spec.series.flatMap((s) => s.values)) * 1.12);
  return {
    type: 'bar',
    data: { labels: spec.categories, datasets: spec.series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.colour, barPercentage: 0.9, categoryPercentage: 0.8 })) },
    options: {
      ...frame,
      scales: {
        y: {
          min: 0, max, grid: { color: COLOURS.grid }, border: { display: false },
          title: { display: true, text: spec.axisTitle, color: COLOURS.muted, font: { family, size: 12 } },
          ticks: { color: COLOURS.muted, font: { family, size: 12 }, callback: (v: number | string) => formatTick(Number(v), 'percent') },
        },
        x: { grid: { display: false }, border: { color: COLOURS.muted }, ticks: { color: COLOURS.text, font: { family, size: 11 }, maxRotation: 60, autoSkip: false } },
      },
      plugins: {
        ...frame.plugins,
        legend: { display: true, align: 'start', position: 'top', labels: { color: COLOURS.text, font: { family, size: 12 }, boxWidth: 14, boxHeight: 14 } },
      },
    },
    plugins: [whiteBackground, sourceLine(spec.source, family)],
  };
}

/** Charts are published on white, in print and on dark pages alike. */
const whiteBackground: Plugin = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = COLOURS.background;
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

function sourceLine(text: string, family: string): Plugin {
  return {
    id: 'sourceLine',
    afterDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = `11px "${family}"`;
      ctx.fillStyle = COLOURS.muted;
      ctx.textBaseline = 'bottom';
      ctx.fillText(text, 16, chart.height - 10, chart.width - 32);
      ctx.restore();
    },
  };
}

/** Writes each bar's figure just past its end, so nobody has to read the axis. */
function valueLabels(labels: string[], family: string): Plugin {
  return {
    id: 'valueLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = `bold 12px "${family}"`;
      ctx.fillStyle = COLOURS.text;
      ctx.textBaseline = 'middle';
      chart.getDatasetMeta(0).data.forEach((bar, i) => {
        const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
        ctx.fillText(labels[i] ?? '', x + 6, y);
      });
      ctx.restore();
    },
  };
}

function formatTick(value: number, format: BarChartSpec['tickFormat']): string {
  if (format === 'percent') return `${value}%`;
  return format === 'clock' ? formatClock(value) : String(Math.round(value * 10) / 10);
}

function wrap(ctx: SKRSContext2D, text: string, font: string, maxWidth: number): string[] {
  ctx.font = font;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(candidate).width > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** A round axis maximum at or above `value` (1, 2, 2.5 or 5 times a power of ten). */
function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * power >= value) ?? 10) * power;
}

