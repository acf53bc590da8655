import { Type } from '@sinclair/typebox';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { CalendarDay, Id, Instant, text } from '@salesos/kernel';
import { OnboardingTasks } from './onboarding-plan';
import { RampSchedule } from './ramp-schedule';

export const PersonName = text(1, 200);
export const PersonEmail = Type.String({ minLength: 3, maxLength: 254, format: 'email' });
export const Reason = text(1, 500);

/** Every person event names the person and their division, so projections and isolation need nothing else. */
const person = { personId: Id, divisionId: Id };
/**
 * Membership events also carry the person's login, if they have one: the leads service knows reps by user id, and
 * hands their leads and deals back for routing when they leave or move.
 */
const member = { ...person, userId: Type.Optional(Id) };

/**
 * A person's working life in the division, from hire to departure, defined once: the codec checks each event on the
 * way into the store and out of it. Every membership change (`Member...`) states the first day it holds, so the
 * membership at a date is the last change effective on or before it.
 */
export const personEvents = defineEvents({
  PersonHired: Type.Object({
    ...member,
    name: PersonName,
    email: PersonEmail,
    unitId: Id,
    positionId: Id,
    hiredOn: CalendarDay,
    recordedAt: Instant,
  }),
  /** Decided with `PersonHired`: the person is a member of the unit from their first day. */
  MemberJoined: Type.Object({ ...member, unitId: Id, positionId: Id, effectiveOn: CalendarDay, recordedAt: Instant }),
  /** A plan set again replaces the one before; tasks already done stay on it. */
  OnboardingPlanSet: Type.Object({ ...person, tasks: OnboardingTasks, recordedAt: Instant }),
  OnboardingTaskCompleted: Type.Object({ ...person, taskId: Id, completedBy: Id, completedAt: Instant }),
  /** With the first day, so that who hears of the schedule alone can tell the share at any date. */
  RampScheduleSet: Type.Object({ ...member, hiredOn: CalendarDay, monthlyShares: RampSchedule, recordedAt: Instant }),
  /** Stored when decided, effective from `effectiveOn`, which may lie in the future. */
  MemberTransferred: Type.Object({
    ...member,
    fromUnitId: Id,
    fromPositionId: Id,
    toUnitId: Id,
    toPositionId: Id,
    effectiveOn: CalendarDay,
    reason: Reason,
    recordedAt: Instant,
  }),
  LeaveStarted: Type.Object({ ...person, startsOn: CalendarDay, reason: Reason, recordedAt: Instant }),
  /** `returnsOn` is the first day back at work. */
  LeaveEnded: Type.Object({ ...person, startedOn: CalendarDay, returnsOn: CalendarDay, recordedAt: Instant }),
  /** `departedOn` is the first day the person no longer works here: the day after their last working day. */
  PersonDeparted: Type.Object({ ...person, departedOn: CalendarDay, reason: Reason, recordedAt: Instant }),
  /**
   * Decided with `PersonDeparted`: the unit and position the person leaves, from `effectiveOn` on, and why, so that
   * who hears of the membership alone learns the reason with it.
   */
  MemberLeft: Type.Object({
    ...member,
    unitId: Id,
    positionId: Id,
    effectiveOn: CalendarDay,
    reason: Reason,
    recordedAt: Instant,
  }),
});

export type PersonEvent = EventOf<typeof personEvents>;
type PersonEventOf<Type extends PersonEvent['type']> = Extract<PersonEvent, { type: Type }>;
export type PersonHired = PersonEventOf<'PersonHired'>;
export type MemberJoined = PersonEventOf<'MemberJoined'>;
export type MemberTransferred = PersonEventOf<'MemberTransferred'>;
export type MemberLeft = PersonEventOf<'MemberLeft'>;
export type RampScheduleSet = PersonEventOf<'RampScheduleSet'>;
/** The events that change whom a unit counts as its member. */
export type MembershipEvent = MemberJoined | MemberTransferred | MemberLeft;
