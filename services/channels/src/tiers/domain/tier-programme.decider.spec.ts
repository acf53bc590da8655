import type { CommandMetadata } from '@salesos/event-sourcing';
import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import { type DefineTierProgramme, tierProgrammeDecider } from './tier-programme.decider';
import type { TierProgrammeDefinition, TierProgrammeEvent } from './tier-programme.events';
import { TierError, TierErrorCode } from './tier.errors';
import { programme } from './tier.fixture';

const now = '2026-03-01T00:00:00.000Z';
const metadata: CommandMetadata = { commandId: 'c', now, divisionId: 'north' };
const define = (definition: TierProgrammeDefinition = programme, meta = metadata): DefineTierProgramme => ({
  type: 'DefineTierProgramme',
  data: definition,
  metadata: meta,
});
const defined = (definition: TierProgrammeDefinition = programme): TierProgrammeEvent => ({
  type: 'TierProgrammeDefined',
  data: { ...definition, definedAt: now },
});
const [silver, gold, platinum] = programme.tiers as [
  (typeof programme.tiers)[0],
  (typeof programme.tiers)[0],
  (typeof programme.tiers)[0],
];
const withTiers = (tiers: TierProgrammeDefinition['tiers']): TierProgrammeDefinition => ({ ...programme, tiers });
const withGold = (criteria: Partial<typeof gold.criteria>) =>
  withTiers([silver, { ...gold, criteria: { ...gold.criteria, ...criteria } }, platinum]);
const spec = DeciderSpecification.for(tierProgrammeDecider);
const invalidAt = (field: string) => (error: Error) =>
  error instanceof TierError && error.code === TierErrorCode.InvalidInput && error.field === field;

describe('a tier programme', () => {
  it('is defined with its tiers, lowest first', () => {
    spec.given([]).when(define()).then([defined()]);
  });

  it('is redefined as a whole', () => {
    const twoTiers = withTiers([silver, gold]);
    spec
      .given([defined()])
      .when(define(twoTiers))
      .then([defined(twoTiers)]);
  });

  it('changes nothing when defined as it is', () => {
    spec.given([defined()]).when(define()).thenNothingHappens();
  });

  it.each<[string, TierProgrammeDefinition, string]>([
    ['no tier', withTiers([]), 'tiers'],
    ['a tier listed twice', withTiers([silver, gold, gold]), 'tiers[2].tierId'],
    [
      'revenue in two currencies',
      withGold({ minRevenueLast12Months: { amount: 500_000, currency: 'USD' } }),
      'tiers[1].criteria.minRevenueLast12Months.currency',
    ],
    ['part of a certified person', withGold({ minCertifiedPeople: 2.5 }), 'tiers[1].criteria.minCertifiedPeople'],
    ['a win rate above 1', withGold({ minRegistrationWinRate: 1.5 }), 'tiers[1].criteria.minRegistrationWinRate'],
    [
      'a higher tier asking less revenue than the one below',
      withTiers([silver, platinum, gold]),
      'tiers[2].criteria.minRevenueLast12Months',
    ],
    [
      'a higher tier asking fewer certified people than the one below',
      withGold({ minCertifiedPeople: 11 }),
      'tiers[2].criteria.minCertifiedPeople',
    ],
  ])('is refused with %s, naming the field', (_label, definition, field) => {
    spec.given([]).when(define(definition)).thenThrows(TierError, invalidAt(field));
  });

  it('is refused when redefined for another division', () => {
    spec
      .given([defined()])
      .when(define({ ...programme, divisionId: 'south' }, { ...metadata, divisionId: undefined }))
      .thenThrows(TierError, invalidAt('divisionId'));
  });

  it("is not found from another division's caller", () => {
    spec
      .given([defined()])
      .when(define(programme, { ...metadata, divisionId: 'south' }))
      .thenThrows(TierError, { code: TierErrorCode.NotFound });
  });

  it('is recorded in an event its schema accepts', () => {
    expect(() => tierProgrammeDecider.events.check(defined())).not.toThrow();
  });
});
