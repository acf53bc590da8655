import { quotaShareOn, statusOn } from './person-status';
import type { Person } from './person.state';
import { departed, fold, history, leaveEnded, leaveStarted, rampSet } from './person.fixture';

const personOf = (events: Parameters<typeof fold>[0]): Person => {
  const state = fold(events);
  if (state.status === 'none') throw new Error('no person');
  return state;
};

describe('a person on a day', () => {
  const story = personOf([...history.employed, leaveStarted('2026-04-06'), leaveEnded('2026-07-06'), ...departed()]);

  it.each([
    ['the day before the first day', '2026-03-01', 'upcoming'],
    ['the first day', '2026-03-02', 'employed'],
    ['the first day of a leave', '2026-04-06', 'on-leave'],
    ['the last day of a leave', '2026-07-05', 'on-leave'],
    ['the first day back', '2026-07-06', 'employed'],
    ['the last working day', '2026-08-31', 'employed'],
    ['the day of departure', '2026-09-01', 'departed'],
  ])('is, on %s (%s), %s', (_label, day, status) => {
    expect(statusOn(story, day)).toBe(status);
  });

  it('stays on leave while the leave is open', () => {
    expect(statusOn(personOf(history.onLeave), '2030-01-01')).toBe('on-leave');
  });

  it('carries no quota before the first day, the ramp month by month, full quota after it and none once gone', () => {
    const ramping = personOf([...history.employed, rampSet, ...departed('2027-01-01')]);
    expect(
      ['2026-03-01', '2026-03-02', '2026-04-01', '2026-04-02', '2026-06-01', '2026-07-02', '2027-01-01'].map((day) =>
        quotaShareOn(ramping, day),
      ),
    ).toEqual([0, 0.25, 0.25, 0.5, 0.75, 1, 0]);
  });

  it('carries full quota from the first day without a ramp schedule', () => {
    const person = personOf(history.employed);
    expect([quotaShareOn(person, '2026-03-01'), quotaShareOn(person, '2026-03-02')]).toEqual([0, 1]);
  });
});
