/** How figures are written for people (charts, HTML, the CLI summary). Raw numbers stay in JSON and CSV. */

/** 0.4167 → "42%"; below 10% one decimal ("4.5%"); tiny but non-zero → "<0.1%". */
export function formatPercent(fraction: number): string {
  const percent = fraction * 100;
  if (percent > 0 && percent < 0.05) return '<0.1%';
  return percent < 10 ? `${trimZero(percent.toFixed(1))}%` : `${Math.round(percent)}%`;
}

/** 7.25 → "7.3 s"; 125 → "2 min 5 s"; 3725 → "1 h 2 min". */
export function formatDuration(seconds: number): string {
  if (seconds < 10) return `${trimZero(seconds.toFixed(1))} s`;
  const total = Math.round(seconds);
  if (total < 60) return `${total} s`;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  if (hours > 0) return `${hours} h ${minutes} min`;
  const rest = total % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** 125 → "2:05" (a position in the video). */
export function formatClock(seconds: number): string {
  const total = Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const mm = Math.floor((total % 3600) / 60);
  const ss = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

function trimZero(text: string): string {
  return text.replace(/\.0$/, '');
}
