import { rampShareAt } from './ramp-schedule';

describe('ramp share at a date', () => {
  const ramp = [0.25, 0.5, 0.75, 1];

  it.each([
    ['before the first day', '2026-01-14', 0],
    ['on the first day', '2026-01-15', 0.25],
    ['on the last day of the first month', '2026-02-14', 0.25],
    ['on the first day of the second month', '2026-02-15', 0.5],
    ['in the third month', '2026-04-01', 0.75],
    ['in the fourth, the last of the schedule', '2026-05-10', 1],
    ['after the schedule', '2027-06-01', 1],
  ])('is the share of the month of tenure %s (%s)', (_label, date, share) => {
    expect(rampShareAt(ramp, '2026-01-15', date)).toBe(share);
  });

  it('carries full quota after a schedule that ends below the last month', () => {
    expect(rampShareAt([0.5, 0.8, 1], '2026-01-15', '2026-06-20')).toBe(1);
  });

  it('counts a month from the end of a month to the end of a shorter one', () => {
    expect(rampShareAt(ramp, '2026-01-31', '2026-02-27')).toBe(0.25);
    expect(rampShareAt(ramp, '2026-01-31', '2026-02-28')).toBe(0.5);
    expect(rampShareAt(ramp, '2026-01-31', '2026-03-30')).toBe(0.5);
    expect(rampShareAt(ramp, '2026-01-31', '2026-03-31')).toBe(0.75);
  });
});
