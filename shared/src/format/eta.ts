/**
 * Time left, in words, the same on every surface (CLI progress bar, tagging page, extension,
 * Slack): "less than a minute left", "about 2 minutes left", "about an hour left". An estimate
 * is rough, so it is rounded to what a person can plan with. Pure.
 */
export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'working out the time left';
  if (seconds < 45) return 'less than a minute left';
  if (seconds < 90) return 'about a minute left';
  if (seconds < 59.5 * 60) return `about ${Math.round(seconds / 60)} minutes left`;
  if (seconds < 1.5 * 3600) return 'about an hour left';
  return `about ${Math.round(seconds / 3600)} hours left`;
}
