import { hasAnyCriterion, matchesSegment } from './target-audience';

const lead = {
  industry: 'Manufacturing',
  sizeBand: 'large' as const,
  estimatedValue: { amount: 40_000, currency: 'EUR' },
  territory: 'berlin',
  needTags: ['automation', 'service'],
};

describe('segment criteria', () => {
  it('match when every given criterion holds, lists meaning any of', () => {
    expect(matchesSegment({ industries: ['manufacturing', 'retail'] }, lead)).toBe(true);
    expect(matchesSegment({ industries: ['retail'] }, lead)).toBe(false);
    expect(matchesSegment({ sizeBands: ['large', 'enterprise'], territories: ['Berlin'] }, lead)).toBe(true);
    expect(matchesSegment({ sizeBands: ['large'], territories: ['munich'] }, lead)).toBe(false);
    expect(matchesSegment({ needTags: ['Automation'] }, lead)).toBe(true);
    expect(matchesSegment({ needTags: ['financing'] }, lead)).toBe(false);
  });

  it('match a price band in its currency only', () => {
    expect(matchesSegment({ priceBand: { currency: 'EUR', min: 25_000, max: 100_000 } }, lead)).toBe(true);
    expect(matchesSegment({ priceBand: { currency: 'EUR', min: 50_000 } }, lead)).toBe(false);
    expect(matchesSegment({ priceBand: { currency: 'USD', min: 0 } }, lead)).toBe(false);
    expect(matchesSegment({ priceBand: { currency: 'EUR' } }, { ...lead, estimatedValue: undefined })).toBe(false);
  });

  it('require a lead attribute a criterion names', () => {
    expect(matchesSegment({ industries: ['manufacturing'] }, { needTags: [] })).toBe(false);
  });

  it('know a criteria set with nothing in it', () => {
    expect(hasAnyCriterion({})).toBe(false);
    expect(hasAnyCriterion({ industries: [] })).toBe(false);
    expect(hasAnyCriterion({ territories: ['berlin'] })).toBe(true);
  });
});
