/**
 * report.html: one self-contained page (inline CSS, charts and thumbnails as data: URIs) that a
 * journalist can open, print, or send on. Everything from the video (title, source) is escaped.
 */
import { GROUPS, type Group, type Report } from '../../../../shared/src/report.js';
import { GROUP_LABELS } from '../../../../shared/src/palette.js';
import { chartSpecs } from './chart-specs.js';
import { formatDuration } from '../../../../shared/src/format/duration.js';
import { formatPercent } from '../../../../shared/src/format/percent.js';
import { REPORT_CSS } from './report-html-style.js';
import { speakingSection } from './speaking-html.js';
import { escapeHtml as escape } from '../../../../shared/src/escape-html.js';

export interface HtmlAssets {
  /** `heard` and `speaking` only for a report with speaking time. */
  charts: { share: Buffer; timeline: Buffer; persons: Buffer; heard?: Buffer; speaking?: Buffer };
  /** Person thumbnails (JPEG) by their path as in `report.persons[].thumbnail`; missing ones are left out. */
  thumbnails: ReadonlyMap<string, Buffer>;
}

export function buildReportHtml(report: Report, assets: HtmlAssets): string {
  const specs = chartSpecs(report);
  const title = report.video.title ?? report.video.source;
  const d = report.definitions;
  const { screenTime } = report;
  const chart = (name: keyof HtmlAssets['charts']) => {
    const [image, spec] = [assets.charts[name], specs[name]];
    if (!image || !spec) return '';
    return `
<figure class="chart">
  <img src="data:image/png;base64,${image.toString('base64')}" width="${spec.width}" height="${spec.height}" alt="${escape(spec.alt)}">
</figure>`;
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Screen time: ${escape(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
  <p class="kicker">onscreen report: who is on screen, and for how long</p>
  <h1>${escape(title)}</h1>
  <p class="meta">${escape(formatDuration(report.video.duration))} · ${escape(report.video.source)} · ${report.sampling.fps} frames looked at per second · report of ${escape(report.generatedAt.slice(0, 10))}</p>
</header>
<section aria-labelledby="key-figures">
<h2 id="key-figures">Key figures</h2>
<dl class="figures">
  ${figure('women', 'Women on screen', formatPercent(screenTime.female.share), `${formatDuration(screenTime.female.seconds)} of the running time`)}
  ${figure('men', 'Men on screen', formatPercent(screenTime.male.share), `${formatDuration(screenTime.male.seconds)} of the running time`)}
  ${figure('women', 'Women’s share of time with women or men', report.femaleShareOfGendered === null ? '–' : formatPercent(report.femaleShareOfGendered), 'of the time anyone tagged is on screen')}
  ${figure('', 'Range for women on screen', `${formatPercent(report.femaleShareRange.low)}–${formatPercent(report.femaleShareRange.high)}`, 'allowing for sampling and untagged people')}
</dl>
<p class="note">${escape(d.method ?? '')}</p>
</section>
<section aria-labelledby="charts">
<h2 id="charts">Charts</h2>
${chart('share')}
${chart('timeline')}
${chart('persons')}
</section>
${speakingSection(report, `${chart('heard')}\n${chart('speaking')}`, swatch)}
<section aria-labelledby="screen-time">
<h2 id="screen-time">Screen time by group</h2>
${screenTimeTable(report)}
${coPresenceTable(report)}
</section>
<section aria-labelledby="people">
<h2 id="people">People</h2>
<p>${report.people.female} women, ${report.people.male} men, ${report.people.unknown} unknown, ${report.people.untagged} not tagged yet.</p>
${personsTable(report, assets.thumbnails)}
</section>
<section aria-labelledby="quality">
<h2 id="quality">How solid are these figures?</h2>
${qualityTable(report)}
</section>
<section aria-labelledby="definitions">
<h2 id="definitions">Definitions</h2>
<dl class="definitions">
${Object.entries(d).map(([key, text]) => `  <dt>${escape(labelOf(key))} <code>${escape(key)}</code></dt><dd>${escape(text)}</dd>`).join('\n')}
</dl>
</section>
<p class="source">${escape(specs.share.source)} Figures in report.json and report.csv beside this page.</p>
</main>
</body>
</html>
`;
}

const PERSON_LABELS = { female: 'Woman', male: 'Man', unknown: 'Unknown', untagged: 'Not tagged yet' } as const;

export function figure(kind: string, label: string, value: string, detail: string): string {
  return `<div class="figure ${kind}"><dt>${escape(label)}</dt><dd>${escape(value)}<small>${escape(detail)}</small></dd></div>`;
}

export function swatch(tag: string): string {
  return `<span class="swatch ${tag}" aria-hidden="true"></span>`;
}

function screenTimeTable(report: Report): string {
  const row = (group: Group): string => {
    const s = report.screenTime[group];
    return `<tr><th scope="row">${swatch(group)}${GROUP_LABELS[group]}</th><td class="num">${formatDuration(s.seconds)}</td><td class="num">${formatPercent(s.share)}</td><td class="num">${formatDuration(s.personSeconds)}</td><td class="num">${formatDuration(s.sizeWeightedSeconds)}</td></tr>`;
  };
  return `<table>
<caption>Time on screen by group (a moment with two women counts once in “on screen”, twice in “person-seconds”)</caption>
<thead><tr><th scope="col">Group</th><th scope="col" class="num">On screen</th><th scope="col" class="num">Share of running time</th><th scope="col" class="num">Person-seconds</th><th scope="col" class="num">Weighted by face size</th></tr></thead>
<tbody>${GROUPS.map(row).join('')}</tbody>
</table>`;
}

function coPresenceTable(report: Report): string {
  const c = report.coPresence;
  const parts: Array<[string, number]> = [['Women, no men', c.womenOnly], ['Men, no women', c.menOnly], ['Women and men together', c.both], ['Neither women nor men', c.neither]];
  const duration = report.video.duration;
  return `<table>
<caption>Who shares the screen</caption>
<thead><tr><th scope="col">On screen</th><th scope="col" class="num">Time</th><th scope="col" class="num">Share of running time</th></tr></thead>
<tbody>${parts.map(([label, s]) => `<tr><th scope="row">${label}</th><td class="num">${formatDuration(s)}</td><td class="num">${formatPercent(duration > 0 ? s / duration : 0)}</td></tr>`).join('')}</tbody>
</table>`;
}

/** Where each tag came from, as the report says it (issue 9). */
const TAG_ORIGIN_LABELS: Record<string, string> = {
  person: 'tagged here',
  library: 'recognised from the library',
  suggestion: 'suggestion accepted',
  none: 'untagged',
};

function personsTable(report: Report, thumbnails: ReadonlyMap<string, Buffer>): string {
  const hasSpeech = report.speakingTime !== undefined;
  const rows = report.persons.map((p) => {
    const image = thumbnails.get(p.thumbnail);
    const tag = p.tag ?? 'untagged';
    const picture = image ? `<img src="data:image/jpeg;base64,${image.toString('base64')}" alt="Face of person ${p.id}">` : '';
    const who = p.name ? `${escape(p.name)} (person ${p.id})` : `Person ${p.id}`;
    const speaking = hasSpeech ? `<td class="num">${formatDuration(p.speakingSeconds ?? 0)}</td>` : '';
    return `<tr><td class="thumb">${picture}</td><th scope="row">${who}</th><td>${swatch(tag)}${PERSON_LABELS[tag]}</td><td>${TAG_ORIGIN_LABELS[p.tagOrigin ?? 'none']}</td><td class="num">${formatDuration(p.seconds)}</td><td class="num">${formatPercent(p.share)}</td>${speaking}<td class="num">${p.faces}</td></tr>`;
  });
  return `<table>
<caption>Every person found, longest on screen first (people tagged “not a face” are left out)</caption>
<thead><tr><th scope="col"><span class="visually-hidden">Face</span></th><th scope="col">Person</th><th scope="col">Tagged as</th><th scope="col">Tag from</th><th scope="col" class="num">On screen</th><th scope="col" class="num">Share of running time</th>${hasSpeech ? '<th scope="col" class="num">Seen speaking</th>' : ''}<th scope="col" class="num">Frames seen in</th></tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table>`;
}

function qualityTable(report: Report): string {
  const rows = Object.entries(report.quality).map(
    ([key, value]) => `<tr><th scope="row">${escape(report.definitions[`quality.${key}`] ?? key)}</th><td class="num">${value}</td></tr>`,
  );
  return `<table class="plain-rows">
<caption>Faces left out and how the people were tagged</caption>
<thead><tr><th scope="col">What</th><th scope="col" class="num">Count</th></tr></thead>
<tbody>${rows.join('')}</tbody>
</table>`;
}

/** "screenTime.female.seconds" → "Screen time, female, seconds". */
export function labelOf(key: string): string {
  const words = key.split('.').map((part) => part.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
  const text = words.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
