import type { CalendarDay } from '@salesos/kernel';
import type { OnboardingTask, TaskCompletion } from './onboarding-plan';

/** One change of where a person works: joined on hire, or transferred; in the order recorded. */
export interface MembershipChange {
  change: 'joined' | 'transferred';
  unitId: string;
  positionId: string;
  /** The first day the change holds. */
  effectiveOn: CalendarDay;
  /** Why a transfer was made. */
  reason?: string;
}

export interface Leave {
  startsOn: CalendarDay;
  reason: string;
  /** The first day back at work; absent while the leave is open. */
  returnsOn?: CalendarDay;
}

export interface Person {
  status: 'employed' | 'departed';
  personId: string;
  divisionId: string;
  name: string;
  email: string;
  /** The person's login: the user id the leads service knows them by as owner and rep. */
  userId?: string;
  hiredOn: CalendarDay;
  /** Every change of unit and position, effective dates never falling. */
  memberships: MembershipChange[];
  onboardingPlan: OnboardingTask[];
  completedTasks: TaskCompletion[];
  /** The share of full quota in each month of tenure; absent: full quota from the first day. */
  rampSchedule?: number[];
  leaves: Leave[];
  departure?: { departedOn: CalendarDay; reason: string };
}

export type PersonState = { status: 'none' } | Person;

/** The leave not yet ended, if any. */
export function openLeave(person: Person): Leave | undefined {
  const last = person.leaves[person.leaves.length - 1];
  return last !== undefined && last.returnsOn === undefined ? last : undefined;
}

/** The person's state as a refusal names it. */
export function personStatus(person: Person): 'employed' | 'on-leave' | 'departed' {
  if (person.status === 'departed') return 'departed';
  return openLeave(person) === undefined ? 'employed' : 'on-leave';
}
