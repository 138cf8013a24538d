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

/** A span of the video as two clocks: "0:06–0:08". */
export function formatSpan(start: number, end: number): string {
  return `${formatClock(start)}–${formatClock(end)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A position typed by a person: seconds ("12", "12.5") or a clock ("0:12", "1:02:03.5"); null when neither. */
export function parseClock(text: string): number | null {
  const match = /^(?:(?:(\d+):)?(\d{1,2}):)?(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (!match) return null;
  const [, hours, minutes, seconds] = match;
  if ((hours !== undefined || minutes !== undefined) && Number(seconds) >= 60) return null;
  if (hours !== undefined && Number(minutes) >= 60) return null;
  return Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds);
}
