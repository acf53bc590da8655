import { type Static, Type } from '@sinclair/typebox';

/** The whole numbers a criterion is scored with: 1 to 5 for a quick judgement, 0 to 100 for a finer one. */
export const ScoreScale = Type.Object({
  min: Type.Integer({ minimum: 0, maximum: 99 }),
  max: Type.Integer({ minimum: 1, maximum: 100 }),
});
export type ScoreScale = Static<typeof ScoreScale>;

/** What is wrong with a set of criteria or scores, and the request field at fault; each feature words its refusal. */
export interface ScoringProblem {
  field: string;
  message: string;
}

/** The problem of a scale, if it has one: whole numbers from 0 to 100, the lowest below the highest. */
export function scaleProblem(scale: ScoreScale, field = 'scale'): ScoringProblem | undefined {
  const whole = (value: number): boolean => Number.isInteger(value) && value >= 0 && value <= 100;
  if (!whole(scale.min)) return { field: `${field}.min`, message: 'A scale starts at a whole number from 0 to 99' };
  if (!whole(scale.max)) return { field: `${field}.max`, message: 'A scale ends at a whole number from 1 to 100' };
  if (scale.max <= scale.min) {
    return { field: `${field}.max`, message: `A scale ends above where it starts (${scale.min})` };
  }
  return undefined;
}

/** Whether a score is one of the scale's whole numbers. */
export const withinScale = (score: number, scale: ScoreScale): boolean =>
  Number.isInteger(score) && score >= scale.min && score <= scale.max;
