/** The report page's stylesheet, inline so report.html is one self-contained file that prints well. */
import { COLOURS } from '../../../../shared/src/palette.js';

export const REPORT_CSS = `
:root { --text: ${COLOURS.text}; --muted: ${COLOURS.muted}; --rule: #d9d9d9; --women: ${COLOURS.female}; --men: ${COLOURS.male}; --unknown: ${COLOURS.unknown}; --untagged: ${COLOURS.untagged}; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: var(--text); font: 16px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
main { max-width: 860px; margin: 0 auto; padding: 32px 20px 48px; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.2rem 0 0.4rem; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 0.6rem; padding-top: 0.6rem; border-top: 1px solid var(--rule); }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; color: var(--muted); margin: 0; }
.meta, .note, .source { color: var(--muted); font-size: 0.9rem; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 12px; margin: 1.2rem 0; }
.figure { border: 1px solid var(--rule); border-top: 6px solid var(--unknown); border-radius: 4px; padding: 10px 14px; margin: 0; }
.figure.women { border-top-color: var(--women); } .figure.men { border-top-color: var(--men); }
.figure dt { font-size: 0.85rem; color: var(--muted); }
.figure dd { margin: 0; font-size: 1.8rem; font-weight: 700; line-height: 1.2; }
.figure dd small { display: block; font-size: 0.8rem; font-weight: 400; color: var(--muted); }
figure.chart { margin: 1.6rem 0; }
figure.chart img { display: block; width: 100%; height: auto; border: 1px solid #eee; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; margin: 0 0 1.6rem; }
table.plain-rows tbody th { font-weight: 400; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.4rem; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--rule); vertical-align: middle; }
thead th { border-bottom: 2px solid var(--text); font-size: 0.85rem; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.thumb img { width: 56px; height: 56px; object-fit: cover; border-radius: 4px; display: block; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px; margin-right: 0.4em; vertical-align: -0.05em; background: var(--untagged); }
.swatch.female { background: var(--women); } .swatch.male { background: var(--men); } .swatch.unknown { background: var(--unknown); }
dl.definitions dt { font-weight: 600; margin-top: 0.8rem; }
dl.definitions dd { margin: 0.1rem 0 0; }
code { font-size: 0.85em; color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure.chart, tr, .figure { break-inside: avoid; }
  figure.chart img { border: none; }
}
@page { margin: 16mm; }
`;
