import { type Static, Type } from '@sinclair/typebox';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { Id, Instant } from '@salesos/kernel';
import { criterionFields } from '../../core/domain/criteria';
import { ScoreScale } from '../../core/domain/score-scale';

/** One thing a review judges, e.g. "discovery questions" or "next step agreed". */
export const RubricCriterion = Type.Object(criterionFields);
export type RubricCriterion = Static<typeof RubricCriterion>;

export const RubricCriteria = Type.Array(RubricCriterion, { minItems: 1, maxItems: 30 });

/** A division's rubric as one version of it: every review opened is scored against the version current then. */
export const Rubric = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  criteria: RubricCriteria,
  scale: ScoreScale,
});
export type Rubric = Static<typeof Rubric>;

/** Each setting of the rubric is a new version; reviews keep the version they were opened with. */
export const rubricEvents = defineEvents({
  RubricSet: Type.Object({ divisionId: Id, ...Rubric.properties, setAt: Instant }),
});
export type RubricEvent = EventOf<typeof rubricEvents>;
