import type { CalendarDay } from '@salesos/kernel';
import type { MembershipChange, Person, PersonState } from './person.state';

/** Where a person works on a day: their unit and position, and since when. */
export interface Membership {
  unitId: string;
  positionId: string;
  since: CalendarDay;
}

/** One stretch of a person's history in one unit and position; `until` is the first day it no longer held. */
export interface MembershipPeriod extends MembershipChange {
  from: CalendarDay;
  until?: CalendarDay;
}

/** The change in effect on a day: the last one effective on or before it (of two on one day, the later recorded). */
function changeOn(person: Person, date: CalendarDay): MembershipChange | undefined {
  let current: MembershipChange | undefined;
  for (const change of person.memberships) {
    if (change.effectiveOn > date) break;
    current = change;
  }
  return current;
}

/**
 * The unit and position of the person on a day: none before their first day, nor from the day they departed. A
 * transfer recorded ahead of its date counts only from that date.
 */
export function membershipAt(state: PersonState, date: CalendarDay): Membership | undefined {
  if (state.status === 'none') return undefined;
  if (state.departure !== undefined && date >= state.departure.departedOn) return undefined;
  const change = changeOn(state, date);
  if (change === undefined) return undefined;
  return { unitId: change.unitId, positionId: change.positionId, since: change.effectiveOn };
}

/**
 * The person's last recorded membership change: where they work once every recorded change has taken effect. A hire
 * is stored with the person joining, in one append, so a person always has one.
 */
export function latestMembership(person: Person): MembershipChange {
  return person.memberships[person.memberships.length - 1] as MembershipChange;
}

/**
 * Every stretch of the person's history, in the order recorded: each change lasts until the next one (or the
 * departure) takes effect. A change superseded on the day it took effect lasts no day (`from` equals `until`).
 */
export function membershipHistory(state: PersonState): MembershipPeriod[] {
  if (state.status === 'none') return [];
  return state.memberships.map((change, index) => {
    const until = state.memberships[index + 1]?.effectiveOn ?? state.departure?.departedOn;
    return { ...change, from: change.effectiveOn, ...(until === undefined ? {} : { until }) };
  });
}
