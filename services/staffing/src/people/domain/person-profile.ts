import type { CalendarDay } from '@salesos/kernel';
import { type Membership, membershipAt, membershipHistory, type MembershipPeriod } from './membership';
import { onboardingProgress, type OnboardingTaskProgress } from './onboarding-plan';
import { type PersonDayStatus, quotaShareOn, statusOn } from './person-status';
import type { Leave, Person } from './person.state';

/** A person as their record reads on a day: where they stand then, and everything on record. */
export interface PersonProfile {
  personId: string;
  divisionId: string;
  name: string;
  email: string;
  userId?: string;
  hiredOn: CalendarDay;
  /** The day `status`, `placement` and `rampShare` describe. */
  asOf: CalendarDay;
  status: PersonDayStatus;
  /** Their unit and position on `asOf`; absent before their first day and from their departure on. */
  placement?: Membership;
  /** Every stretch in a unit and position, in the order recorded, a transfer still to come included. */
  memberships: MembershipPeriod[];
  onboarding: OnboardingTaskProgress[];
  rampSchedule?: number[];
  /** The share of full quota carried on `asOf`. */
  rampShare: number;
  leaves: Leave[];
  departure?: { departedOn: CalendarDay; reason: string };
}

export function personProfile(person: Person, day: CalendarDay): PersonProfile {
  const placement = membershipAt(person, day);
  return {
    personId: person.personId,
    divisionId: person.divisionId,
    name: person.name,
    email: person.email,
    ...(person.userId === undefined ? {} : { userId: person.userId }),
    hiredOn: person.hiredOn,
    asOf: day,
    status: statusOn(person, day),
    ...(placement === undefined ? {} : { placement }),
    memberships: membershipHistory(person),
    onboarding: onboardingProgress(person.hiredOn, person.onboardingPlan, person.completedTasks),
    ...(person.rampSchedule === undefined ? {} : { rampSchedule: person.rampSchedule }),
    rampShare: quotaShareOn(person, day),
    leaves: person.leaves,
    ...(person.departure === undefined ? {} : { departure: person.departure }),
  };
}
