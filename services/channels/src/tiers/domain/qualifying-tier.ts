import type { Money } from '@salesos/kernel';
import { TierError, TierErrorCode } from './tier.errors';
import type { Tier, TierProgrammeDefinition } from './tier-programme.events';

/** A dealer's figures as a periodic review measured them. */
export interface TierFigures {
  revenue12m: Money;
  certifiedPeople: number;
  /** Registrations won over registrations decided, 0 to 1. */
  registrationWinRate: number;
}

const meets = (tier: Tier, figures: TierFigures): boolean =>
  figures.revenue12m.amount >= tier.criteria.minRevenueLast12Months.amount &&
  figures.certifiedPeople >= tier.criteria.minCertifiedPeople &&
  figures.registrationWinRate >= tier.criteria.minRegistrationWinRate;

/** Figures a review may compare: revenue in the programme's currency, counts and rates in range. */
function checkFigures(programme: Pick<TierProgrammeDefinition, 'tiers'>, figures: TierFigures): void {
  const currency = programme.tiers[0]?.criteria.minRevenueLast12Months.currency;
  const problems: Array<[string, boolean, string]> = [
    ['revenue12m.currency', figures.revenue12m.currency !== currency, `The programme counts revenue in ${currency}`],
    ['revenue12m.amount', !(figures.revenue12m.amount >= 0), 'Revenue is an amount of at least 0'],
    [
      'certifiedPeople',
      !Number.isInteger(figures.certifiedPeople) || figures.certifiedPeople < 0,
      'Certified people are a whole number of at least 0',
    ],
    [
      'registrationWinRate',
      !(figures.registrationWinRate >= 0 && figures.registrationWinRate <= 1),
      'A win rate is a share from 0 to 1',
    ],
  ];
  const problem = problems.find(([, wrong]) => wrong);
  if (problem !== undefined) throw new TierError(TierErrorCode.InvalidInput, problem[2], `figures.${problem[0]}`);
}

/**
 * The highest tier whose every criterion the figures meet; the entry (lowest) tier when they meet none, as every
 * dealer in a programme holds at least that one. Tiers are listed lowest first.
 */
export function qualifyingTier(programme: Pick<TierProgrammeDefinition, 'tiers'>, figures: TierFigures): Tier {
  checkFigures(programme, figures);
  const entry = programme.tiers[0];
  if (entry === undefined) throw new TierError(TierErrorCode.InvalidInput, 'The programme has no tiers', 'programme');
  for (let at = programme.tiers.length - 1; at > 0; at -= 1) {
    const tier = programme.tiers[at] as Tier;
    if (meets(tier, figures)) return tier;
  }
  return entry;
}
