/** collection.html: one self-contained page (inline CSS, charts as data: URIs), like report.html, for a body of work. */
import type { CollectionReport } from '../../../../shared/src/collection.js';
import { GROUP_LABELS } from '../../../../shared/src/palette.js';
import { formatDuration } from '../../../../shared/src/format/duration.js';
import { formatPercent } from '../../../../shared/src/format/percent.js';
import { escape, figure, labelOf, swatch } from '../report/report-html.js';
import { REPORT_CSS } from '../report/report-html-style.js';
import { collectionChartSpecs, type CollectionChartSpecs } from './collection-charts.js';

export type CollectionCharts = Record<keyof CollectionChartSpecs, Buffer>;

const DATE_SOURCES = { 'youtube-upload': 'YouTube upload date', 'file-metadata': 'creation time in the file', given: 'date given', analysed: 'day analysed' } as const;

export function buildCollectionHtml(collection: CollectionReport, charts: CollectionCharts): string {
  const specs = collectionChartSpecs(collection);
  const { total } = collection;
  const chart = (name: keyof CollectionCharts) =>
    `<figure class="chart"><img src="data:image/png;base64,${charts[name].toString('base64')}" width="${specs[name].width}" height="${specs[name].height}" alt="${escape(specs[name].alt)}"></figure>`;
  const range = `${formatPercent(total.femaleShareRange.low)}–${formatPercent(total.femaleShareRange.high)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Screen time across videos: ${escape(collection.name)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
  <p class="kicker">onscreen collection report: who is on screen, across a body of work</p>
  <h1>${escape(collection.name)}</h1>
  <p class="meta">${total.videos} video${total.videos === 1 ? '' : 's'} · ${escape(formatDuration(total.duration))} in all · ${escape(dateRange(collection))} · report of ${escape(collection.generatedAt.slice(0, 10))}</p>
</header>
<section aria-labelledby="key-figures">
<h2 id="key-figures">Key figures</h2>
<dl class="figures">
  ${figure('women', 'Women on screen', formatPercent(total.screenTime.female.share), `${formatDuration(total.screenTime.female.seconds)} of the summed running time`)}
  ${figure('men', 'Men on screen', formatPercent(total.screenTime.male.share), `${formatDuration(total.screenTime.male.seconds)} of the summed running time`)}
  ${figure('women', 'Women’s share of time with women or men', total.femaleShareOfGendered === null ? '–' : formatPercent(total.femaleShareOfGendered), 'of the time anyone tagged is on screen')}
  ${figure('', 'Range for women on screen', range, 'allowing for sampling and untagged people')}
</dl>
<p class="note">${escape(collection.definitions.method ?? '')}</p>
</section>
<section aria-labelledby="charts">
<h2 id="charts">Charts</h2>
${chart('videos')}
${chart('trend')}
${chart('people')}
</section>
<section aria-labelledby="videos">
<h2 id="videos">Videos</h2>
${videosTable(collection)}
<p class="note">Dates: ${Object.entries(collection.dateSources).map(([source, n]) => `${n} from the ${DATE_SOURCES[source as keyof typeof DATE_SOURCES]}`).join(', ')}.</p>
</section>
${notInFigures(collection)}
<section aria-labelledby="people">
<h2 id="people">People</h2>
${peopleTable(collection)}
</section>
<section aria-labelledby="definitions">
<h2 id="definitions">Definitions</h2>
<dl class="definitions">
${Object.entries(collection.definitions).map(([key, text]) => `  <dt>${escape(labelOf(key))} <code>${escape(key)}</code></dt><dd>${escape(text)}</dd>`).join('\n')}
</dl>
</section>
<p class="source">${escape(specs.videos.source)} Figures in collection.json and collection.csv beside this page.</p>
</main>
</body>
</html>
`;
}

function notInFigures(collection: CollectionReport): string {
  const pending = collection.pending.map((v) => `<li>${escape(v.title ?? v.id)}: ${v.status === 'failed' ? 'its analysis failed' : 'still being analysed'}</li>`);
  const skipped = collection.skipped.map((v) => `<li>${escape(v.title ?? v.videoId)} (${escape(v.videoId)}): skipped, ${escape(v.reason)}</li>`);
  if (pending.length + skipped.length === 0) return '';
  return `<section aria-labelledby="left-out">
<h2 id="left-out">Not in these figures</h2>
<ul>${[...pending, ...skipped].join('')}</ul>
</section>`;
}

function dateRange(collection: CollectionReport): string {
  const first = collection.videos[0]?.date;
  const last = collection.videos.at(-1)?.date;
  return !first || !last ? 'no videos' : first === last ? first : `${first} to ${last}`;
}

function videosTable(collection: CollectionReport): string {
  const rows = collection.videos.map((v) => {
    const { byPerson, fromLibrary, acceptedSuggestion, untagged } = v.tagging;
    const tagging = [`${byPerson} tagged here`, fromLibrary > 0 ? `${fromLibrary} recognised` : '', acceptedSuggestion > 0 ? `${acceptedSuggestion} suggestions accepted` : '', untagged > 0 ? `${untagged} untagged` : ''].filter(Boolean).join(', ');
    return `<tr><td>${escape(v.date)}</td><th scope="row">${escape(v.title ?? v.source)}</th><td class="num">${formatDuration(v.duration)}</td><td class="num">${formatPercent(v.screenTime.female.share)}</td><td class="num">${formatPercent(v.screenTime.male.share)}</td><td>${escape(tagging)}</td></tr>`;
  });
  return `<table>
<caption>Every video, oldest first</caption>
<thead><tr><th scope="col">Date</th><th scope="col">Video</th><th scope="col" class="num">Length</th><th scope="col" class="num">${GROUP_LABELS.female} on screen</th><th scope="col" class="num">${GROUP_LABELS.male} on screen</th><th scope="col">Tagging</th></tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table>`;
}

function peopleTable(collection: CollectionReport): string {
  const rows = collection.people.slice(0, 100).map((p) => {
    const tag = p.gender ?? 'untagged';
    return `<tr><th scope="row">${escape(p.name ?? '(no name)')}</th><td>${swatch(tag)}${GROUP_LABELS[tag]}</td><td class="num">${formatDuration(p.seconds)}</td><td class="num">${p.videos.length}</td></tr>`;
  });
  const more = collection.people.length > 100 ? `<p class="note">The 100 people seen longest of ${collection.people.length}; all are in collection.json.</p>` : '';
  return `<table>
<caption>People most on screen across the videos</caption>
<thead><tr><th scope="col">Person</th><th scope="col">Tagged as</th><th scope="col" class="num">On screen</th><th scope="col" class="num">Videos</th></tr></thead>
<tbody>${rows.join('\n')}</tbody>
</table>${more}`;
}
