import type { Command } from '@salesos/event-sourcing';
import type { OnboardingTask } from './onboarding-plan';

/** `userId`: the person's login, by which the leads service knows them as owner and rep. */
export type HirePerson = Command<
  'HirePerson',
  {
    personId: string;
    divisionId: string;
    unitId: string;
    positionId: string;
    name: string;
    email: string;
    hiredOn: string;
    userId?: string;
  }
>;
export type SetOnboardingPlan = Command<'SetOnboardingPlan', { tasks: OnboardingTask[] }>;
export type CompleteOnboardingTask = Command<'CompleteOnboardingTask', { taskId: string; completedBy: string }>;
/** `monthlyShares`: the share of full quota in each month of tenure, the first month first. */
export type SetRampSchedule = Command<'SetRampSchedule', { monthlyShares: number[] }>;
/** Names the unit, the position or both; what it leaves out stays as it is on `effectiveOn`. */
export type TransferPerson = Command<
  'TransferPerson',
  { toUnitId?: string; toPositionId?: string; effectiveOn: string; reason: string }
>;
export type StartLeave = Command<'StartLeave', { startsOn: string; reason: string }>;
/** `returnsOn`: the first day back at work. */
export type EndLeave = Command<'EndLeave', { returnsOn: string }>;
/** `departedOn`: the first day the person no longer works here. */
export type RecordDeparture = Command<'RecordDeparture', { departedOn: string; reason: string }>;

export type PersonCommand =
  | HirePerson
  | SetOnboardingPlan
  | CompleteOnboardingTask
  | SetRampSchedule
  | TransferPerson
  | StartLeave
  | EndLeave
  | RecordDeparture;
