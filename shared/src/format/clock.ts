/**
 * A position in a video as a player shows it: "0:07", "1:05", "1:02:03". Floored, as players do:
 * 65.9 s is still "1:05", so a "show me" link and the player's own clock agree. Pure.
 */
export function formatClock(seconds: number): string {
  const total = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = pad(total % 60);
  return hours > 0 ? `${hours}:${pad(minutes)}:${rest}` : `${minutes}:${rest}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
