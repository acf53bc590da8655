import { qualifyingTier, type TierFigures } from './qualifying-tier';
import { TierError, TierErrorCode } from './tier.errors';
import { programme } from './tier.fixture';

const figures = (revenue: number, certifiedPeople: number, registrationWinRate: number): TierFigures => ({
  revenue12m: { amount: revenue, currency: 'EUR' },
  certifiedPeople,
  registrationWinRate,
});

describe('the tier figures qualify for', () => {
  it.each<[string, TierFigures, string]>([
    ['the highest tier all of whose criteria they meet', figures(2_500_000, 12, 0.6), 'platinum'],
    ['a tier whose thresholds they meet exactly', figures(500_000, 3, 0.3), 'gold'],
    ['the tier below when one criterion of a higher tier falls short', figures(2_500_000, 12, 0.45), 'gold'],
    ['the entry tier when they meet no higher one', figures(100, 0, 0), 'silver'],
  ])('is %s', (_label, measured, tierId) => {
    expect(qualifyingTier(programme, measured).tierId).toBe(tierId);
  });

  it('is the entry tier even when its own criteria are not met', () => {
    const strict = {
      tiers: programme.tiers.map((tier) => ({ ...tier, criteria: { ...tier.criteria, minCertifiedPeople: 1 } })),
    };
    expect(qualifyingTier(strict, figures(0, 0, 0)).tierId).toBe('silver');
  });

  it.each<[string, TierFigures, string]>([
    [
      'revenue in another currency',
      { ...figures(1, 1, 0.1), revenue12m: { amount: 1, currency: 'USD' } },
      'figures.revenue12m.currency',
    ],
    ['part of a certified person', figures(1, 1.5, 0.1), 'figures.certifiedPeople'],
    ['a win rate above 1', figures(1, 1, 1.2), 'figures.registrationWinRate'],
  ])('cannot be told from %s, naming the field', (_label, measured, field) => {
    let thrown: unknown;
    try {
      qualifyingTier(programme, measured);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TierError);
    expect(thrown).toMatchObject({ code: TierErrorCode.InvalidInput, field });
  });
});
