import { RequestValidationError } from '@salesos/http';
import { isPeriod } from '../domain/period';

/** A path segment that must be a period: a year (2026), a quarter (2026-Q3) or a month (2026-07). */
export function periodParam(value: string, name = 'period'): string {
  if (!isPeriod(value)) {
    throw new RequestValidationError([
      { field: name, message: 'must be a year (2026), a quarter (2026-Q3) or a month (2026-07)' },
    ]);
  }
  return value;
}
