import { type Static, Type } from '@sinclair/typebox';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { Id, Instant, text } from '@salesos/kernel';
import { criterionFields } from '../../core/domain/criteria';
import { ScoreScale } from '../../core/domain/score-scale';

export const ScorecardName = text(1, 120);

/** What a scorecard is for: the people of one unit, or everyone holding one position. */
export const ScorecardTarget = Type.Union([
  Type.Object({ kind: Type.Literal('unit'), unitId: Id }),
  Type.Object({ kind: Type.Literal('position'), positionId: Id }),
]);
export type ScorecardTarget = Static<typeof ScorecardTarget>;

/** A criterion with its share of the total, in whole percent; a scorecard's weights sum to 100. */
export const ScorecardCriterion = Type.Object({
  ...criterionFields,
  weight: Type.Integer({ minimum: 1, maximum: 100 }),
});
export type ScorecardCriterion = Static<typeof ScorecardCriterion>;

/** A scorecard's content, as one version of it. */
export const ScorecardContent = Type.Object({
  name: ScorecardName,
  criteria: Type.Array(ScorecardCriterion, { minItems: 1, maxItems: 30 }),
  scale: ScoreScale,
});
export type ScorecardContent = Static<typeof ScorecardContent>;

const scorecard = { scorecardId: Id, divisionId: Id };
const versioned = { version: Type.Integer({ minimum: 1 }), ...ScorecardContent.properties };

/**
 * A scorecard template's life. Each definition or revision is a numbered version: scores name the version they were
 * given on, so a later revision never changes what an earlier score meant.
 */
export const scorecardEvents = defineEvents({
  ScorecardDefined: Type.Object({ ...scorecard, appliesTo: ScorecardTarget, ...versioned, definedAt: Instant }),
  ScorecardRevised: Type.Object({ ...scorecard, ...versioned, revisedAt: Instant }),
  ScorecardRetired: Type.Object({ ...scorecard, retiredAt: Instant }),
});

export type ScorecardEvent = EventOf<typeof scorecardEvents>;
