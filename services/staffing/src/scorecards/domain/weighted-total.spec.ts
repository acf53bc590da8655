import fc from 'fast-check';
import { weightedTotal } from './weighted-total';

const criteria = [
  { criterionId: 'pipeline', weight: 50 },
  { criterionId: 'forecast', weight: 30 },
  { criterionId: 'crm', weight: 20 },
];

describe('weighted total', () => {
  it("weighs each score by its criterion's share, on the card's scale", () => {
    const scores = [
      { criterionId: 'pipeline', score: 4 },
      { criterionId: 'forecast', score: 3 },
      { criterionId: 'crm', score: 5 },
    ];
    expect(weightedTotal(criteria, scores)).toBe(3.9);
  });

  it('counts nothing for a criterion without a score', () => {
    expect(weightedTotal(criteria, [{ criterionId: 'pipeline', score: 4 }])).toBe(2);
  });

  it('lies between the lowest and the highest score given to every criterion', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }), (values) => {
        const scores = criteria.map(({ criterionId }, at) => ({ criterionId, score: values[at] as number }));
        const total = weightedTotal(criteria, scores);
        return total >= Math.min(...values) && total <= Math.max(...values);
      }),
    );
  });

  it('is the score itself when every criterion has the same score', () => {
    const scores = criteria.map(({ criterionId }) => ({ criterionId, score: 73 }));
    expect(weightedTotal(criteria, scores)).toBe(73);
  });
});
