/**
 * Durations for people, the one format every surface uses (CLI, report HTML and charts, the
 * tagging page, the extension, Slack): "7.3 s", "42 s", "2 min", "2 min 5 s", "1 h", "1 h 2 min".
 * Under ten seconds one decimal, since a short appearance is the point; above, whole units.
 * Pure: no DOM, no clock.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  if (seconds < 9.95) return `${Number(seconds.toFixed(1))} s`;
  const total = Math.round(seconds);
  if (total < 60) return `${total} s`;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  if (hours > 0) return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
  const rest = total % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}
