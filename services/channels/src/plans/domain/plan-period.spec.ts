import { dealerPlanStreamId } from './plan-period';

describe('plan streams', () => {
  it('names one stream per dealer and period', () => {
    expect(dealerPlanStreamId('dealer-3', '2026-Q3')).toBe('plan-dealer-3-2026-Q3');
  });
});
