import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import { defaultScoringRules, type ScoringRules, scoreLead } from './lead-scoring';
import {
  ScoringRulesError,
  ScoringRulesErrorCode,
  scoringRulesDecider,
  type SetScoringRules,
} from './scoring-rules.decider';

const now = '2026-02-01T00:00:00.000Z';
const set = (rules: ScoringRules): SetScoringRules => ({
  type: 'SetScoringRules',
  data: { divisionId: 'north', rules },
  metadata: { commandId: 'c', now, divisionId: 'north' },
});
const fairs: ScoringRules = {
  ...defaultScoringRules,
  sources: [{ source: 'fair', points: 30 }],
  estimatedValue: [{ atLeast: 1_000_000, points: 40 }],
};
const spec = DeciderSpecification.for(scoringRulesDecider);

describe('scoring rules decider', () => {
  it('starts with the defaults, sets the rules as a whole, and does nothing for the same rules', () => {
    expect(scoringRulesDecider.initialState()).toEqual({ rules: defaultScoringRules });
    spec
      .given([])
      .when(set(fairs))
      .then([{ type: 'ScoringRulesSet', data: { divisionId: 'north', rules: fairs, setAt: now } }]);
    spec.given([]).when(set(defaultScoringRules)).thenNothingHappens();
    spec
      .given([{ type: 'ScoringRulesSet', data: { divisionId: 'north', rules: fairs, setAt: now } }])
      .when(set(fairs))
      .thenNothingHappens();
  });

  it('refuses a source listed twice, regardless of case, and a value tier listed twice, naming the field', () => {
    spec
      .given([])
      .when(set({ ...fairs, sources: [...fairs.sources, { source: 'Fair', points: 1 }] }))
      .thenThrows(ScoringRulesError, { code: ScoringRulesErrorCode.DuplicateSource, field: 'sources[1].source' });
    spec
      .given([])
      .when(
        set({
          ...fairs,
          estimatedValue: [
            { atLeast: 10, points: 1 },
            { atLeast: 10, points: 2 },
          ],
        }),
      )
      .thenThrows(ScoringRulesError, {
        code: ScoringRulesErrorCode.DuplicateTier,
        field: 'estimatedValue[1].atLeast',
      });
  });

  it("scores by the division's rules: its sources and tiers only", () => {
    const lead = {
      source: 'Fair',
      estimatedValue: { amount: 2_000_000, currency: 'EUR' },
      segmentIds: [],
      needTags: [],
    };
    expect(scoreLead(lead, fairs)).toEqual({
      score: 70,
      reasons: [
        { rule: 'source', points: 30, explanation: "source 'Fair'" },
        { rule: 'estimated-value', points: 40, explanation: 'estimated value 2000000 EUR' },
      ],
    });
    expect(scoreLead({ ...lead, source: 'web' }, fairs).score).toBe(40);
    expect(scoreLead(lead).score).toBe(25);
  });
});
