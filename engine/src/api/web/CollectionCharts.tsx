/**
 * The collection page's charts, drawn as inline SVG in the one palette: women's and men's shares per
 * video (date order), the trend per week or month, and the people most on screen. Each chart has a
 * text alternative; the PNG exports are the same figures drawn by the server.
 */
import type { JSX } from 'preact';
import type { CollectionReport, GroupTime } from '../../../../shared/src/collection.js';
import { COLOURS, formatDuration, formatPercent, GROUP_LABELS } from '../../../../shared/src/ui/format.js';

const WIDTH = 640;
const BAR_AREA = 170;
const TOP = 14;
const LABEL_ROOM = 40;
const LEFT = 40;
const MOST_PEOPLE = 10;

interface Column {
  label: string;
  title: string;
  screenTime: Record<'female' | 'male', GroupTime>;
}

/** Paired bars (women, men) per column, with a 0–100% scale. */
function ShareBars({ columns, label }: { columns: Column[]; label: string }): JSX.Element {
  const step = (WIDTH - LEFT) / Math.max(columns.length, 1);
  const bar = Math.min(28, step / 2.6);
  const y = (share: number) => TOP + BAR_AREA * (1 - Math.min(Math.max(share, 0), 1));
  return (
    <svg class="os-collection-chart" viewBox={`0 0 ${WIDTH} ${TOP + BAR_AREA + LABEL_ROOM}`} role="img" aria-label={label}>
      {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
        <g key={tick}>
          <line x1={LEFT} x2={WIDTH} y1={y(tick)} y2={y(tick)} stroke={COLOURS.grid} />
          <text x={LEFT - 6} y={y(tick) + 4} text-anchor="end" font-size="11" fill={COLOURS.muted}>{formatPercent(tick)}</text>
        </g>
      ))}
      {columns.map((column, i) => {
        const x = LEFT + i * step + step / 2;
        return (
          <g key={i}>
            {(['female', 'male'] as const).map((group, side) => (
              <rect key={group} x={side === 0 ? x - bar - 1 : x + 1} y={y(column.screenTime[group].share)} width={bar} height={TOP + BAR_AREA - y(column.screenTime[group].share)} fill={COLOURS[group]}>
                <title>{`${column.title}: ${GROUP_LABELS[group]} ${formatPercent(column.screenTime[group].share)} (${formatDuration(column.screenTime[group].seconds)})`}</title>
              </rect>
            ))}
            <text x={x} y={TOP + BAR_AREA + 16} text-anchor="middle" font-size="11" fill={COLOURS.text}>{column.label}</text>
          </g>
        );
      })}
      <Legend y={TOP + BAR_AREA + 34} />
    </svg>
  );
}

function Legend({ y }: { y: number }): JSX.Element {
  return (
    <g font-size="11" fill={COLOURS.text}>
      {(['female', 'male'] as const).map((group, i) => (
        <g key={group}>
          <rect x={LEFT + i * 150} y={y - 9} width={10} height={10} fill={COLOURS[group]} />
          <text x={LEFT + i * 150 + 14} y={y}>{`${GROUP_LABELS[group]} on screen`}</text>
        </g>
      ))}
    </g>
  );
}

export function VideosChart({ collection }: { collection: CollectionReport }): JSX.Element {
  const columns = collection.videos.map((video) => ({ label: video.date.slice(5), title: `${video.title ?? video.source} (${video.date})`, screenTime: video.screenTime }));
  return <ShareBars columns={columns} label="Women's and men's share of screen time per video, in date order" />;
}

export function TrendChart({ collection }: { collection: CollectionReport }): JSX.Element {
  const columns = collection.periods.map((period) => ({ label: period.period, title: `${period.period}: ${period.videos} videos`, screenTime: period.screenTime }));
  return <ShareBars columns={columns} label={`Women's and men's share of screen time per ${collection.periodKind}`} />;
}

/** The people most on screen across the collection: one bar each, in their tag's colour. */
export function PeopleChart({ collection }: { collection: CollectionReport }): JSX.Element {
  const people = collection.people.slice(0, MOST_PEOPLE);
  const titles = new Map(collection.videos.map((v) => [v.id, v.title ?? v.source]));
  const most = Math.max(...people.map((p) => p.seconds), 1);
  const row = 24;
  const labelWidth = 200;
  return (
    <svg class="os-collection-chart" viewBox={`0 0 ${WIDTH} ${people.length * row + 8}`} role="img" aria-label="The people most on screen across the collection">
      {people.map((person, i) => {
        const name = person.name ?? `Unnamed, in ${titles.get(person.videos[0] ?? '') ?? 'one video'}`;
        const width = ((WIDTH - labelWidth - 90) * person.seconds) / most;
        const colour = person.gender ? COLOURS[person.gender] : COLOURS.untagged;
        return (
          <g key={person.key} transform={`translate(0 ${i * row + 4})`}>
            <text x={labelWidth - 8} y={14} text-anchor="end" font-size="12" fill={COLOURS.text}>{name.length > 30 ? `${name.slice(0, 29)}…` : name}</text>
            <rect x={labelWidth} y={2} width={Math.max(width, 1)} height={row - 8} fill={colour}>
              <title>{`${name}: ${formatDuration(person.seconds)} in ${person.videos.length} ${person.videos.length === 1 ? 'video' : 'videos'}`}</title>
            </rect>
            <text x={labelWidth + width + 6} y={14} font-size="11" fill={COLOURS.muted}>{`${formatDuration(person.seconds)} · ${person.videos.length}×`}</text>
          </g>
        );
      })}
    </svg>
  );
}
