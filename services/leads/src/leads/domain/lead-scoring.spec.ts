import fc from 'fast-check';
import { scoreLead } from './lead-scoring';

describe('lead scoring', () => {
  it('explains every point', () => {
    expect(scoreLead({ source: 'web', segmentIds: [], needTags: [] })).toEqual({
      score: 5,
      reasons: [{ rule: 'source', points: 5, explanation: "source 'web'" }],
    });
    expect(scoreLead({ source: 'cold-call', segmentIds: [], needTags: [] })).toEqual({ score: 0, reasons: [] });
  });

  it('property: the score is the sum of its reasons, capped at 100, and never negative', () => {
    fc.assert(
      fc.property(
        fc.record({
          source: fc.constantFrom('referral', 'dealer', 'event', 'web', 'cold-call'),
          amount: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
          sizeBand: fc.option(fc.constantFrom('micro', 'small', 'mid', 'large', 'enterprise' as const), {
            nil: undefined,
          }),
          email: fc.option(fc.emailAddress(), { nil: undefined }),
          segments: fc.array(fc.string(), { maxLength: 5 }),
          needs: fc.array(fc.string(), { maxLength: 5 }),
        }),
        (input) => {
          const result = scoreLead({
            source: input.source,
            ...(input.amount === undefined ? {} : { estimatedValue: { amount: input.amount, currency: 'EUR' } }),
            ...(input.sizeBand === undefined ? {} : { sizeBand: input.sizeBand }),
            ...(input.email === undefined ? {} : { email: input.email }),
            segmentIds: input.segments,
            needTags: input.needs,
          });
          const sum = result.reasons.reduce((total, reason) => total + reason.points, 0);
          expect(result.score).toBe(Math.min(100, sum));
          expect(result.reasons.every((reason) => reason.points > 0 && reason.explanation.length > 0)).toBe(true);
        },
      ),
    );
  });
});
