import { type Static, Type } from '@sinclair/typebox';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { Id, Instant, text } from '@salesos/kernel';
import { ScorePeriod } from './score-period';

export const EvidenceLink = Type.String({ minLength: 1, maxLength: 2000, format: 'uri' });

/** Why a criterion got its score: what was seen, with links to it and the deals that show it. */
export const Evidence = Type.Object({
  text: text(1, 2000),
  links: Type.Optional(Type.Array(EvidenceLink, { minItems: 1, maxItems: 20 })),
  opportunityIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 50 })),
});
export type Evidence = Static<typeof Evidence>;

export const EvidencedScore = Type.Object({
  criterionId: Id,
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  evidence: Evidence,
});
export type EvidencedScore = Static<typeof EvidencedScore>;

export const RevisionReason = text(1, 500);

/**
 * A period's scores as given: on which version of the scorecard, criterion by criterion with the evidence, and the
 * weighted total they came to then.
 */
const periodScores = {
  scorecardId: Id,
  personId: Id,
  divisionId: Id,
  period: ScorePeriod,
  scorecardVersion: Type.Integer({ minimum: 1 }),
  scores: Type.Array(EvidencedScore, { minItems: 1, maxItems: 30 }),
  total: Type.Number({ minimum: 0, maximum: 100 }),
};

/**
 * A person's scores on one scorecard (stream `scores-<scorecardId>-<personId>`), period by period. A revision is a
 * new event with its reason: the scores first given stay in the history.
 */
export const personScoresEvents = defineEvents({
  PeriodScored: Type.Object({ ...periodScores, scoredBy: Id, scoredAt: Instant }),
  PeriodScoreRevised: Type.Object({ ...periodScores, reason: RevisionReason, revisedBy: Id, revisedAt: Instant }),
});

export type PersonScoresEvent = EventOf<typeof personScoresEvents>;
