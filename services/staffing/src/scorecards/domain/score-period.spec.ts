import { periodStart } from './score-period';

describe('score periods', () => {
  it.each([
    ['2026', '2026-01-01'],
    ['2026-Q1', '2026-01-01'],
    ['2026-Q3', '2026-07-01'],
    ['2026-Q4', '2026-10-01'],
    ['2026-11', '2026-11-01'],
    ['2026-01', '2026-01-01'],
  ])('%s starts on %s', (period, start) => expect(periodStart(period)).toBe(start));

  it.each(['2026-Q5', '2026-13', '2026-1', '26-Q1', '2026-W40', '2026-11-01', ''])('%s is no period', (period) =>
    expect(periodStart(period)).toBeUndefined(),
  );
});
