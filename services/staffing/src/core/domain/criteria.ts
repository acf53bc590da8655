import { Type } from '@sinclair/typebox';
import { Id, text } from '@salesos/kernel';
import { type ScoreScale, type ScoringProblem, withinScale } from './score-scale';

/** What a criterion is called and what it asks, shared by coaching rubrics and scorecards. */
export const CriterionName = text(1, 120);
export const CriterionDescription = text(1, 1000);
export const criterionFields = {
  criterionId: Id,
  name: CriterionName,
  description: Type.Optional(CriterionDescription),
};

/** The position of the first value listed a second time, or -1. */
export function repeatedAt(values: readonly string[]): number {
  return values.findIndex((value, index) => values.indexOf(value) !== index);
}

/**
 * The problem of a list of criteria, if it has one: at least one, and each id and each name once (two criteria of the
 * same name could not be told apart on a review form).
 */
export function criteriaProblem(
  criteria: ReadonlyArray<{ criterionId: string; name: string }>,
  field = 'criteria',
): ScoringProblem | undefined {
  if (criteria.length === 0) return { field, message: 'At least one criterion is needed' };
  const ids = repeatedAt(criteria.map((criterion) => criterion.criterionId));
  if (ids !== -1) {
    return {
      field: `${field}[${ids}].criterionId`,
      message: `'${criteria[ids]?.criterionId}' is listed a second time`,
    };
  }
  const names = repeatedAt(criteria.map((criterion) => criterion.name.trim().toLowerCase()));
  if (names !== -1) {
    return { field: `${field}[${names}].name`, message: `'${criteria[names]?.name}' names a criterion a second time` };
  }
  return undefined;
}

/** One criterion's score. */
export interface CriterionScore {
  criterionId: string;
  score: number;
}

/**
 * The problem of a set of scores, if it has one: every criterion scored exactly once, and nothing else, each with a
 * whole number of the scale.
 */
export function scoresProblem(
  scores: readonly CriterionScore[],
  criterionIds: readonly string[],
  scale: ScoreScale,
  field = 'scores',
): ScoringProblem | undefined {
  for (const [at, { criterionId, score }] of scores.entries()) {
    if (!criterionIds.includes(criterionId)) {
      return {
        field: `${field}[${at}].criterionId`,
        message: `'${criterionId}' is no criterion here; the criteria are ${criterionIds.join(', ')}`,
      };
    }
    if (scores.findIndex((other) => other.criterionId === criterionId) !== at) {
      return { field: `${field}[${at}].criterionId`, message: `'${criterionId}' is scored a second time` };
    }
    if (!withinScale(score, scale)) {
      return { field: `${field}[${at}].score`, message: `A score is a whole number from ${scale.min} to ${scale.max}` };
    }
  }
  const missing = criterionIds.filter((criterionId) => !scores.some((score) => score.criterionId === criterionId));
  if (missing.length > 0) return { field, message: `Every criterion is scored; not scored: ${missing.join(', ')}` };
  return undefined;
}
