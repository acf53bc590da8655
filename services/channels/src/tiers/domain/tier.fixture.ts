import type { TierCriteria, TierProgrammeDefinition } from './tier-programme.events';

const criteria = (revenue: number, people: number, winRate: number): TierCriteria => ({
  minRevenueLast12Months: { amount: revenue, currency: 'EUR' },
  minCertifiedPeople: people,
  minRegistrationWinRate: winRate,
});

/** A division's three-tier ladder, for the tier specs. */
export const programme: TierProgrammeDefinition = {
  programmeId: 'prog-north',
  divisionId: 'north',
  name: 'North partner programme',
  tiers: [
    { tierId: 'silver', name: 'Silver', criteria: criteria(0, 0, 0) },
    { tierId: 'gold', name: 'Gold', criteria: criteria(500_000, 3, 0.3) },
    { tierId: 'platinum', name: 'Platinum', criteria: criteria(2_000_000, 10, 0.5) },
  ],
};
