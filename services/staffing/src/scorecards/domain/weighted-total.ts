/** A criterion's share of the total, in whole percent. */
export interface WeightedCriterion {
  criterionId: string;
  weight: number;
}

/**
 * The total of a period's scores: each criterion's score weighted by its share, on the scorecard's own scale (a card
 * scored 1 to 5 totals 1 to 5). Criteria without a score count nothing; weights sum to 100 on every scorecard, so
 * with every criterion scored the total is a weighted mean.
 */
export function weightedTotal(
  criteria: readonly WeightedCriterion[],
  scores: ReadonlyArray<{ criterionId: string; score: number }>,
): number {
  // Whole weights times whole scores sum exactly; dividing once keeps the total as exact as a number can be.
  const weighted = criteria.reduce((sum, { criterionId, weight }) => {
    const given = scores.find((score) => score.criterionId === criterionId);
    return given === undefined ? sum : sum + weight * given.score;
  }, 0);
  return weighted / 100;
}
