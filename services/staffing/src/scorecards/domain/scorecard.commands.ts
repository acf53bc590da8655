import type { Command } from '@salesos/event-sourcing';
import type { ScorecardContent, ScorecardTarget } from './scorecard.events';

export type DefineScorecard = Command<
  'DefineScorecard',
  ScorecardContent & { scorecardId: string; divisionId: string; appliesTo: ScorecardTarget }
>;
/** A new version of the criteria, weights and scale; what the scorecard applies to stays. */
export type ReviseScorecard = Command<'ReviseScorecard', ScorecardContent>;
export type RetireScorecard = Command<'RetireScorecard', Record<string, never>>;

export type ScorecardCommand = DefineScorecard | ReviseScorecard | RetireScorecard;
