import type { Command } from '@salesos/event-sourcing';
import type { ScorecardVersion } from './scorecard.decider';
import type { EvidencedScore } from './person-scores.events';

/** The scorecard version the scores are given on, as the application read it, and whether the card is retired. */
export type ScoredOn = ScorecardVersion & { retired: boolean };

interface PeriodScores {
  scorecardId: string;
  personId: string;
  divisionId: string;
  period: string;
  scorecard: ScoredOn;
  scores: EvidencedScore[];
}

export type ScorePeriod = Command<'ScorePeriod', PeriodScores & { scoredBy: string }>;
export type ReviseScore = Command<'ReviseScore', PeriodScores & { reason: string; revisedBy: string }>;

export type PersonScoresCommand = ScorePeriod | ReviseScore;
