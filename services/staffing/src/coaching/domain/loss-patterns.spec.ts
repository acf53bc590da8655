import { type Loss, lossPatterns } from './loss-patterns';

const now = '2026-06-30T15:00:00.000Z';
const loss = (opportunityId: string, reason: string, lostOn: string): Loss => ({ opportunityId, reason, lostOn });

describe('loss patterns', () => {
  it('finds three deals lost for one reason within 90 days, earliest first', () => {
    const losses = [
      loss('o-3', 'price', '2026-06-20'),
      loss('o-1', 'price', '2026-04-02'),
      loss('o-2', 'price', '2026-05-11'),
      loss('o-4', 'competitor', '2026-06-01'),
    ];
    expect(lossPatterns(losses, now)).toEqual([
      { reason: 'price', opportunityIds: ['o-1', 'o-2', 'o-3'], from: '2026-04-02', to: '2026-06-20' },
    ]);
  });

  it('finds nothing in two losses, or in three for different reasons', () => {
    expect(lossPatterns([loss('o-1', 'price', '2026-06-01'), loss('o-2', 'price', '2026-06-02')], now)).toEqual([]);
    const mixed = [
      loss('o-1', 'price', '2026-06-01'),
      loss('o-2', 'timing', '2026-06-02'),
      loss('o-3', 'competitor', '2026-06-03'),
    ];
    expect(lossPatterns(mixed, now)).toEqual([]);
  });

  it('counts the 90 days up to today, today included', () => {
    const atEdge = [
      loss('o-1', 'price', '2026-04-02'),
      loss('o-2', 'price', '2026-06-30'),
      loss('o-3', 'price', '2026-05-01'),
    ];
    expect(lossPatterns(atEdge, now)).toHaveLength(1);
    const outside = [
      loss('o-1', 'price', '2026-04-01'),
      loss('o-2', 'price', '2026-06-30'),
      loss('o-3', 'price', '2026-05-01'),
    ];
    expect(lossPatterns(outside, now)).toEqual([]);
  });

  it('counts a loss dated after now as recent', () => {
    const ahead = [
      loss('o-1', 'price', '2026-06-29'),
      loss('o-2', 'price', '2026-06-30'),
      loss('o-3', 'price', '2026-07-01'),
    ];
    expect(lossPatterns(ahead, now)[0]?.to).toBe('2026-07-01');
  });

  it('counts a deal once, with its latest loss', () => {
    const relost = [
      loss('o-1', 'price', '2026-05-01'),
      loss('o-1', 'price', '2026-06-01'),
      loss('o-2', 'price', '2026-06-02'),
    ];
    expect(lossPatterns(relost, now)).toEqual([]);
    const changedReason = [
      loss('o-1', 'price', '2026-05-01'),
      loss('o-2', 'price', '2026-05-02'),
      loss('o-3', 'price', '2026-05-03'),
      loss('o-1', 'timing', '2026-06-01'),
    ];
    expect(lossPatterns(changedReason, now)).toEqual([]);
  });

  it('takes another threshold and window', () => {
    const losses = [
      loss('o-1', 'price', '2026-06-25'),
      loss('o-2', 'price', '2026-06-29'),
      loss('o-3', 'price', '2026-06-10'),
    ];
    expect(lossPatterns(losses, now, { threshold: 2, windowDays: 7 })).toEqual([
      { reason: 'price', opportunityIds: ['o-1', 'o-2'], from: '2026-06-25', to: '2026-06-29' },
    ]);
  });

  it('gives every reason with a pattern, ordered by reason, deals of one day by id', () => {
    const losses = [
      ...['o-9', 'o-8', 'o-7'].map((id) => loss(id, 'timing', '2026-06-01')),
      ...['o-1', 'o-2', 'o-3'].map((id) => loss(id, 'budget', '2026-06-02')),
    ];
    expect(lossPatterns(losses, now).map((pattern) => [pattern.reason, pattern.opportunityIds])).toEqual([
      ['budget', ['o-1', 'o-2', 'o-3']],
      ['timing', ['o-7', 'o-8', 'o-9']],
    ]);
  });
});
