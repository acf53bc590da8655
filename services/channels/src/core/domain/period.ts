import { Type } from '@sinclair/typebox';

/**
 * A period of the channels service (a dealer's plan, a fund budget): a year (`2026`), a quarter (`2026-Q3`) or a month
 * (`2026-07`). Periods are calendar periods in UTC, so a deal belongs to the period its UTC won instant falls in.
 */
export const periodPattern = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;
export const Period = Type.String({
  pattern: periodPattern.source,
  description: 'A year (2026), a quarter (2026-Q3) or a month (2026-07)',
});

/** What a refusal of a string that is no period says about it. */
export const noPeriodMessage = (period: string): string =>
  `'${period}' is no period: give a year (2026), a quarter (2026-Q3) or a month (2026-07)`;

export interface PeriodBounds {
  /** The first day of the period, `YYYY-MM-DD`. */
  firstDay: string;
  /** The last day of the period, `YYYY-MM-DD`. */
  lastDay: string;
  /** The first instant of the period, and the first instant after it. */
  startsAt: string;
  endsBefore: string;
}

const day = (instant: number): string => new Date(instant).toISOString().slice(0, 10);

/** The days and instants a period spans; undefined for a string that is no period. */
export function periodBounds(period: string): PeriodBounds | undefined {
  const match = periodPattern.exec(period);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const [firstMonth, months] =
    match[2] !== undefined
      ? [(Number(match[2]) - 1) * 3, 3]
      : match[3] !== undefined
        ? [Number(match[3]) - 1, 1]
        : [0, 12];
  const start = Date.UTC(year, firstMonth, 1);
  const end = Date.UTC(year, firstMonth + months, 1);
  return {
    firstDay: day(start),
    lastDay: day(end - 1),
    startsAt: new Date(start).toISOString(),
    endsBefore: new Date(end).toISOString(),
  };
}

/** Whether a string is a period. */
export const isPeriod = (period: string): boolean => periodBounds(period) !== undefined;
