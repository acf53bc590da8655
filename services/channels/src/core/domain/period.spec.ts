import { isPeriod, periodBounds } from './period';

describe('periods', () => {
  it.each([
    ['2026', '2026-01-01', '2026-12-31', '2027-01-01T00:00:00.000Z'],
    ['2026-Q1', '2026-01-01', '2026-03-31', '2026-04-01T00:00:00.000Z'],
    ['2026-Q4', '2026-10-01', '2026-12-31', '2027-01-01T00:00:00.000Z'],
    ['2028-02', '2028-02-01', '2028-02-29', '2028-03-01T00:00:00.000Z'],
    ['2026-12', '2026-12-01', '2026-12-31', '2027-01-01T00:00:00.000Z'],
  ])('%s spans %s to %s', (period, firstDay, lastDay, endsBefore) => {
    expect(periodBounds(period)).toEqual({ firstDay, lastDay, startsAt: `${firstDay}T00:00:00.000Z`, endsBefore });
  });

  it.each(['26', '2026-Q0', '2026-Q5', '2026-13', '2026-00', '2026-7', '2026-W30', '2026-07-01', ''])(
    'knows %p is no period',
    (period) => {
      expect(periodBounds(period)).toBeUndefined();
      expect(isPeriod(period)).toBe(false);
    },
  );
});
