import { round2 } from '../../core/domain/money-totals';

/** How many registrations reached each point, as the read model counts them. */
export interface RegistrationCounts {
  submitted: number;
  accepted: number;
  conflicted: number;
  won: number;
  lost: number;
  lapsed: number;
}

/**
 * Where registrations stand now: every submitted one is accepted, in conflict or awaiting the answer; every accepted
 * one is won, lost, lapsed or still open (the dealer holds the deal). The win rate is won / (won + lost + lapsed):
 * of the accepted registrations that ended, the share the dealer won; null while none has ended.
 */
export interface RegistrationFigures extends RegistrationCounts {
  awaitingAnswer: number;
  open: number;
  winRate: number | null;
}

export const noRegistrations: RegistrationCounts = {
  submitted: 0,
  accepted: 0,
  conflicted: 0,
  won: 0,
  lost: 0,
  lapsed: 0,
};

export function registrationFigures(counts: RegistrationCounts): RegistrationFigures {
  const ended = counts.won + counts.lost + counts.lapsed;
  return {
    ...counts,
    awaitingAnswer: counts.submitted - counts.accepted - counts.conflicted,
    open: counts.accepted - ended,
    winRate: ended === 0 ? null : round2(counts.won / ended),
  };
}
