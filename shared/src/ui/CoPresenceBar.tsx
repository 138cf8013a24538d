/** How the video's time divides: women alone, together with men, men alone, or neither. */
import type { JSX } from 'preact';
import type { CoPresence } from '../report.js';
import { COLOURS, formatDuration, formatPercent } from './format.js';

export interface CoPresenceBarProps {
  coPresence: CoPresence;
  duration: number;
}

const PARTS: Array<{ key: 'womenOnly' | 'both' | 'menOnly' | 'neither'; label: string; fill: string }> = [
  { key: 'womenOnly', label: 'Only women', fill: COLOURS.female },
  { key: 'both', label: 'Women and men together', fill: `repeating-linear-gradient(135deg, ${COLOURS.female} 0 6px, ${COLOURS.male} 6px 12px)` },
  { key: 'menOnly', label: 'Only men', fill: COLOURS.male },
  { key: 'neither', label: 'Neither', fill: '#E4E4E4' },
];

export function CoPresenceBar({ coPresence, duration }: CoPresenceBarProps): JSX.Element {
  const total = duration > 0 ? duration : PARTS.reduce((sum, part) => sum + coPresence[part.key], 0);
  const shareOf = (seconds: number): number => (total > 0 ? seconds / total : 0);
  return (
    <div class="os-copresence">
      <div class="os-copresence__bar" aria-hidden="true">
        {PARTS.map((part) => (
          <span style={{ width: formatPercent(shareOf(coPresence[part.key]), 2), background: part.fill }} />
        ))}
      </div>
      <ul class="os-legend">
        {PARTS.map((part) => (
          <li>
            <span class="os-swatch" style={{ background: part.fill }} aria-hidden="true" />
            {part.label}: <strong>{formatPercent(shareOf(coPresence[part.key]))}</strong>{' '}
            <span class="os-muted">({formatDuration(coPresence[part.key])})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
