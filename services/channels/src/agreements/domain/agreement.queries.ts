import type { CalendarDay } from '@salesos/kernel';
import { addDays, daysBetween } from './calendar-days';
import type { AgreementState, SignedAgreementVersion } from './agreement.decider';

/** The position of the last signed version that has started by `day`, or -1: signed versions are ordered by start. */
function startedBy(signed: readonly SignedAgreementVersion[], day: CalendarDay): number {
  let [low, high] = [0, signed.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((signed[middle] as SignedAgreementVersion).effectiveFrom <= day) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

function endedBy(state: AgreementState, day: CalendarDay): boolean {
  return state.status === 'terminated' && state.termination !== undefined && state.termination.effectiveOn <= day;
}

/**
 * The signed version in force on `day`: the latest signed one that has started, unless it has expired by then (an
 * expired version does not revive an earlier one it superseded) or the agreement was terminated by then. Undefined
 * when no terms apply that day: nothing signed yet, expired, or terminated.
 */
export function termsInForce(state: AgreementState, day: CalendarDay): SignedAgreementVersion | undefined {
  if (state.status === 'none' || endedBy(state, day)) return undefined;
  const version = state.signed[startedBy(state.signed, day)];
  return version === undefined || version.expiresOn < day ? undefined : version;
}

export interface ExpiringTerms {
  /** The version whose expiry leaves the dealer without terms. */
  version: SignedAgreementVersion;
  /** The last day terms apply. */
  lastDay: CalendarDay;
  /** Days from `today` to `lastDay`: 0 when today is the last. */
  daysLeft: number;
}

/**
 * Whether the terms in force `today` run out within `days` days with nothing signed to follow without a gap: an
 * agreement whose renewal is signed is not expiring, one whose renewal is only drafted still is. A terminated
 * agreement is ending, not expiring: it is not reported.
 */
export function expiringWithin(state: AgreementState, today: CalendarDay, days: number): ExpiringTerms | undefined {
  if (state.status !== 'open' || termsInForce(state, today) === undefined) return undefined;
  let at = startedBy(state.signed, today);
  let current = state.signed[at] as SignedAgreementVersion;
  // Each later version that starts by the day after the current one's last takes over from its start, so the
  // terms go on until its own expiry.
  for (let next = state.signed[at + 1]; next !== undefined; next = state.signed[at + 1]) {
    if (next.effectiveFrom > addDays(current.expiresOn, 1)) break;
    [at, current] = [at + 1, next];
  }
  const daysLeft = daysBetween(today, current.expiresOn);
  return daysLeft <= days ? { version: current, lastDay: current.expiresOn, daysLeft } : undefined;
}
