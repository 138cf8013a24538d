/**
 * Shares for people, one format on every surface: "42%"; under 10% one decimal ("4.5%"); tiny
 * but not zero "<0.1%"; no value "–". `digits` fixes the decimals instead (a table column). Pure.
 */
export function formatPercent(fraction: number | null | undefined, digits?: number): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–';
  const percent = fraction * 100;
  if (digits !== undefined) return `${percent.toFixed(digits)}%`;
  if (percent > 0 && percent < 0.05) return '<0.1%';
  return percent < 9.95 ? `${Number(percent.toFixed(1))}%` : `${Math.round(percent)}%`;
}

/** A range of fractions: "31–38%" (or one figure when both ends round the same). */
export function formatPercentRange(low: number, high: number): string {
  const a = formatPercent(low);
  const b = formatPercent(high);
  return a === b ? a : `${a.slice(0, -1)}–${b}`;
}
