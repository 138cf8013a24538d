/** The report page's "Who is heard" section (issue 14): the figures, the split on and off screen, and "no speech found" said plainly. */
import type { Report, SpeakingTime } from '../../../../shared/src/report.js';
import { GROUP_LABELS } from '../../../../shared/src/palette.js';
import { formatDuration } from '../../../../shared/src/format/duration.js';
import { formatPercent } from '../../../../shared/src/format/percent.js';
import { describeSpeaking } from '../../../../shared/src/format/speaking.js';
import { escapeHtml as escape } from '../../../../shared/src/escape-html.js';

const ROWS = ['female', 'male', 'unknown', 'untagged'] as const;

/** The section, or '' for a report without speaking time; `charts` is the charts' HTML (the "Seen and heard" and per-person figures). */
export function speakingSection(report: Report, charts: string, swatch: (tag: string) => string): string {
  const s = report.speakingTime;
  if (!s) return '';
  const isSilent = s.total === 0;
  return `<section aria-labelledby="heard">
<h2 id="heard">Who is heard</h2>
<p class="${isSilent ? 'note no-speech' : 'note'}">${escape(describeSpeaking(s))}</p>
${isSilent ? '' : `${charts}\n${speakingTable(s, swatch)}`}
${s.notSpeechSeconds > 0 ? `<p class="note">${escape(formatDuration(s.notSpeechSeconds))} of sound tagged "not speech" (music, singing, a crowd) is left out.</p>` : ''}
</section>`;
}

function speakingTable(s: SpeakingTime, swatch: (tag: string) => string): string {
  const cell = (seconds: number, share: number) => `<td class="num">${formatDuration(seconds)}</td><td class="num">${formatPercent(share)}</td>`;
  const rows = ROWS.map(
    (g) => `<tr><th scope="row">${swatch(g)}${GROUP_LABELS[g]}</th>${cell(s[g].seconds, s[g].share)}${cell(s.onScreen[g].seconds, s.onScreen[g].share)}${cell(s.offScreen[g].seconds, s.offScreen[g].share)}</tr>`,
  );
  const total = `<tr><th scope="row">All speech</th>${cell(s.total, s.total > 0 ? 1 : 0)}${cell(s.onScreen.seconds, s.total > 0 ? s.onScreen.seconds / s.total : 0)}${cell(s.offScreen.seconds, s.total > 0 ? s.offScreen.seconds / s.total : 0)}</tr>`;
  return `<table>
<caption>Speaking time by group: seen speaking, and heard off screen (every share is of all speech)</caption>
<thead><tr><th scope="col">Group</th><th scope="col" class="num">Speaking</th><th scope="col" class="num">Share</th><th scope="col" class="num">Seen speaking</th><th scope="col" class="num">Share</th><th scope="col" class="num">Off screen</th><th scope="col" class="num">Share</th></tr></thead>
<tbody>${rows.join('')}${total}</tbody>
</table>`;
}
