import { membershipAt, membershipHistory } from './membership';
import { departed, fold, history, transferred } from './person.fixture';

const east = { unitId: 'team-east', positionId: 'account-executive' };
const west = { unitId: 'team-west', positionId: 'account-executive' };

describe('membership of a person', () => {
  const moved = fold([...history.employed, transferred('2026-06-01'), ...departed('2026-09-01', 'team-west')]);

  it.each([
    ['the day before the first day', '2026-03-01', undefined],
    ['the first day', '2026-03-02', { ...east, since: '2026-03-02' }],
    ['the day before a transfer', '2026-05-31', { ...east, since: '2026-03-02' }],
    ['the day a transfer takes effect', '2026-06-01', { ...west, since: '2026-06-01' }],
    ['the last working day', '2026-08-31', { ...west, since: '2026-06-01' }],
    ['the day of departure', '2026-09-01', undefined],
    ['a day after departure', '2027-01-01', undefined],
  ])('on %s is %p', (_label, date, expected) => {
    expect(membershipAt(moved, date)).toEqual(expected);
  });

  it('counts a transfer recorded ahead of its day only from that day', () => {
    const planned = fold([...history.employed, transferred('2026-06-01')]);
    expect(membershipAt(planned, '2026-04-15')).toEqual({ ...east, since: '2026-03-02' });
    expect(membershipAt(planned, '2030-01-01')).toEqual({ ...west, since: '2026-06-01' });
  });

  it('takes the later of two changes effective on one day', () => {
    const twice = fold([
      ...history.employed,
      transferred('2026-06-01'),
      transferred('2026-06-01', { unitId: 'team-north' }, west),
    ]);
    expect(membershipAt(twice, '2026-06-01')).toEqual({
      unitId: 'team-north',
      positionId: 'account-executive',
      since: '2026-06-01',
    });
  });

  it('knows no membership of someone never hired', () => {
    expect(membershipAt(fold([]), '2026-06-01')).toBeUndefined();
    expect(membershipHistory(fold([]))).toEqual([]);
  });

  it('lists every stretch of the history, each until the next change or the departure', () => {
    expect(membershipHistory(moved)).toEqual([
      { change: 'joined', ...east, effectiveOn: '2026-03-02', from: '2026-03-02', until: '2026-06-01' },
      {
        change: 'transferred',
        ...west,
        effectiveOn: '2026-06-01',
        reason: 'west needs an experienced rep',
        from: '2026-06-01',
        until: '2026-09-01',
      },
    ]);
  });

  it('leaves the current stretch open while the person stays', () => {
    expect(membershipHistory(fold(history.employed))).toEqual([
      { change: 'joined', ...east, effectiveOn: '2026-03-02', from: '2026-03-02' },
    ]);
  });
});
