import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';

/**
 * The API's two kinds of time, one rule each:
 * - a calendar day (an expected close, a nurturing end, a report period) is `YYYY-MM-DD` and a day that exists;
 * - an instant (when a belief became true, an as-of moment) is an RFC 3339 date-time with its time zone, `Z` or an
 *   offset such as `+02:00`, with at most nine decimals of seconds.
 * Nothing else is read as a time: no week dates, ordinal dates, basic format, bare years, or local times.
 */
const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const instantPattern = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = dayPattern.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  // A day past the end of its month rolls over into the next one.
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = instantPattern.exec(value);
  if (match === null || !isCalendarDate(match[1])) return false;
  const [hour, minute, second] = [Number(match[2]), Number(match[3]), Number(match[4])];
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (match[5] !== undefined && (Number(match[6]) > 23 || Number(match[7]) > 59)) return false;
  return Number.isFinite(Date.parse(value.toUpperCase()));
}

/** A calendar day, `YYYY-MM-DD`, that exists. */
export function IsCalendarDate(): PropertyDecorator {
  return applyDecorators(
    ValidateBy({
      name: 'isCalendarDate',
      validator: {
        validate: isCalendarDate,
        defaultMessage: () => '$property must be a calendar day as YYYY-MM-DD, like 2026-06-30',
      },
    }),
    ApiProperty({ type: 'string', format: 'date' }),
  );
}

/** An RFC 3339 date-time with a time zone. */
export function IsInstant(): PropertyDecorator {
  return applyDecorators(
    ValidateBy({
      name: 'isInstant',
      validator: {
        validate: isInstant,
        defaultMessage: () =>
          '$property must be an RFC 3339 date-time with a time zone, like 2026-03-01T09:30:00Z or 2026-03-01T10:30:00+01:00',
      },
    }),
    ApiProperty({ type: 'string', format: 'date-time' }),
  );
}
