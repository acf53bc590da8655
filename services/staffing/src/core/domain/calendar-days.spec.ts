import {
  addDays,
  addMonths,
  dayOf,
  daysBetween,
  latestDayOnEarth,
  utcDayOf,
  wholeMonthsBetween,
} from './calendar-days';

describe('calendar days', () => {
  it('count days across months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2);
  });

  it('take the day an instant was written on', () => {
    expect(dayOf('2026-03-10T23:30:00+02:00')).toBe('2026-03-10');
  });

  it('know the UTC day of an instant and the latest day anywhere on earth at it', () => {
    expect(utcDayOf('2026-03-10T23:59:59.000Z')).toBe('2026-03-10');
    expect(utcDayOf('2026-03-10T23:30:00+02:00')).toBe('2026-03-10');
    expect(utcDayOf('2026-03-11T00:30:00+02:00')).toBe('2026-03-10');
    expect(latestDayOnEarth('2026-03-10T09:59:59.000Z')).toBe('2026-03-10');
    expect(latestDayOnEarth('2026-03-10T10:00:00.000Z')).toBe('2026-03-11');
  });

  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-05-20', 12, '2027-05-20'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-03-10', 12, '2027-03-10'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-11-15', 3, '2027-02-15'],
    ['2026-05-31', 120, '2036-05-31'],
  ])('%s plus %i months is %s', (day, months, expected) => {
    expect(addMonths(day, months)).toBe(expected);
  });

  it.each([
    ['2026-01-15', '2026-01-15', 0],
    ['2026-01-15', '2026-02-14', 0],
    ['2026-01-15', '2026-02-15', 1],
    ['2026-01-31', '2026-02-27', 0],
    ['2026-01-31', '2026-02-28', 1],
    ['2026-01-31', '2026-03-30', 1],
    ['2026-01-31', '2026-03-31', 2],
    ['2026-12-10', '2027-12-09', 11],
    ['2026-12-10', '2027-12-10', 12],
    ['2026-02-15', '2026-01-15', -1],
  ])('from %s to %s are %i whole months', (from, to, months) => {
    expect(wholeMonthsBetween(from, to)).toBe(months);
  });

  it('count whole months as adding months does', () => {
    for (const from of ['2026-01-31', '2026-02-28', '2028-02-29', '2026-07-15']) {
      for (let months = 0; months <= 24; months += 1) {
        const on = addMonths(from, months);
        expect(wholeMonthsBetween(from, on)).toBe(months);
        expect(wholeMonthsBetween(from, addDays(on, -1))).toBe(months - 1);
      }
    }
  });
});
