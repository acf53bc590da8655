import { addDays, addMonths, latestDayOnEarth, utcDayOf } from './calendar-days';

describe('calendar days', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it.each([
    ['2026-03-10', 12, '2027-03-10'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-11-15', 3, '2027-02-15'],
    ['2026-05-31', 120, '2036-05-31'],
  ])('%s plus %i months is %s, a missing day falling on the month end', (day, months, expected) => {
    expect(addMonths(day, months)).toBe(expected);
  });

  it('knows the latest day on earth and the UTC day of an instant', () => {
    expect(latestDayOnEarth('2026-03-10T09:59:59.000Z')).toBe('2026-03-10');
    expect(latestDayOnEarth('2026-03-10T10:00:00.000Z')).toBe('2026-03-11');
    expect(utcDayOf('2026-03-10T23:59:59.000Z')).toBe('2026-03-10');
  });
});
