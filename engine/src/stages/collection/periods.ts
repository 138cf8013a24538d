/** Calendar periods for trends across videos: ISO weeks (Monday first) and months, keyed and bounded by day. */

export type PeriodKind = 'week' | 'month';

export interface Period {
  /** `2026-W07` or `2026-02`. */
  key: string;
  /** First and last day, YYYY-MM-DD. */
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

/** The period a day (YYYY-MM-DD) falls in. */
export function periodOf(day: string, kind: PeriodKind): Period {
  const date = parseDay(day);
  if (kind === 'month') {
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth();
    return { key: `${y}-${pad(m + 1)}`, from: formatDay(new Date(Date.UTC(y, m, 1))), to: formatDay(new Date(Date.UTC(y, m + 1, 0))) };
  }
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = new Date(date.getTime() - weekday * DAY_MS);
  // ISO 8601: a week belongs to the year of its Thursday; week 1 holds the year's first Thursday.
  const thursday = new Date(monday.getTime() + 3 * DAY_MS);
  const isoYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * DAY_MS)) + 1;
  return { key: `${isoYear}-W${pad(week)}`, from: formatDay(monday), to: formatDay(new Date(monday.getTime() + 6 * DAY_MS)) };
}

/** A valid calendar day as YYYY-MM-DD, else null (2026-02-30 is not a day). */
export function normaliseDay(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const day = formatDay(date);
  return day === `${match[1]}-${match[2]}-${match[3]}` ? day : null;
}

function parseDay(day: string): Date {
  const valid = normaliseDay(day);
  if (!valid) throw new RangeError(`not a day: ${day}`);
  return new Date(`${valid}T00:00:00Z`);
}

function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
