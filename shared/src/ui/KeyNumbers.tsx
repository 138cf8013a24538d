/** The handful of figures a reader quotes: women's and men's screen time, the range, who was counted. */
import type { JSX } from 'preact';
import type { Report } from '../report.js';
import { COLOURS, countPeople, formatDuration, formatPercent, formatPercentRange } from './format.js';

export interface KeyNumbersProps {
  report: Report;
}

export function KeyNumbers({ report }: KeyNumbersProps): JSX.Element {
  const { screenTime, people } = report;
  const counted = people.female + people.male + people.unknown;
  const range = report.femaleShareRange;
  return (
    <dl class="os-keys">
      <div class="os-key" style={{ '--os-key-colour': COLOURS.female }} data-key="women">
        <dt>Women on screen</dt>
        <dd class="os-key__figure">{formatPercent(screenTime.female.share)}</dd>
        <dd class="os-muted">of the video ({formatDuration(screenTime.female.seconds)})</dd>
      </div>
      <div class="os-key" style={{ '--os-key-colour': COLOURS.male }} data-key="men">
        <dt>Men on screen</dt>
        <dd class="os-key__figure">{formatPercent(screenTime.male.share)}</dd>
        <dd class="os-muted">of the video ({formatDuration(screenTime.male.seconds)})</dd>
      </div>
      <div class="os-key" data-key="gendered">
        <dt>Women's share</dt>
        <dd class="os-key__figure">{formatPercent(report.femaleShareOfGendered)}</dd>
        <dd class="os-muted">of the time anyone tagged woman or man is seen</dd>
      </div>
      <div class="os-key" data-key="range">
        <dt>Likely range</dt>
        <dd class="os-key__figure os-key__figure--small">{formatPercentRange(range.low, range.high)}</dd>
        <dd class="os-muted">women's screen time, allowing for sampling and untagged people</dd>
      </div>
      <div class="os-key" data-key="people">
        <dt>People counted</dt>
        <dd class="os-key__figure">{counted}</dd>
        <dd class="os-muted">
          {plural(people.female, 'woman', 'women')}, {plural(people.male, 'man', 'men')}, {people.unknown} unknown
          {people.untagged > 0 ? `; ${countPeople(people.untagged)} not yet tagged` : ''}
        </dd>
      </div>
    </dl>
  );
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
