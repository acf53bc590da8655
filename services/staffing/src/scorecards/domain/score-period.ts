import { Type } from '@sinclair/typebox';

/**
 * A period people are scored for: a year (`2026`), a quarter (`2026-Q3`) or a month (`2026-11`), in the calendar.
 * Each period of a person on a scorecard is scored once, then revised.
 */
export const scorePeriodPattern = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;
export const ScorePeriod = Type.String({
  pattern: scorePeriodPattern.source,
  description: 'A year (2026), a quarter (2026-Q3) or a month (2026-11)',
});

/** The first day of a period, `YYYY-MM-DD`; undefined for a string that is no period. */
export function periodStart(period: string): string | undefined {
  const match = scorePeriodPattern.exec(period);
  if (match === null) return undefined;
  const month = match[2] !== undefined ? (Number(match[2]) - 1) * 3 + 1 : match[3] !== undefined ? Number(match[3]) : 1;
  return `${match[1]}-${String(month).padStart(2, '0')}-01`;
}
