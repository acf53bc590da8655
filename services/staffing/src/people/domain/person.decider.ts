import type { Decider } from '@salesos/event-sourcing';
import { isCalendarDay } from '@salesos/kernel';
import { latestMembership } from './membership';
import { checkOnboardingPlan, samePlan } from './onboarding-plan';
import type { PersonCommand } from './person.commands';
import { invalidPersonInput, PersonError, PersonErrorCode } from './person.errors';
import { type PersonEvent, personEvents } from './person.events';
import { openLeave, type Person, type PersonState, personStatus } from './person.state';
import { checkRampSchedule } from './ramp-schedule';

/** The person, if they exist in the caller's division; another division's person is reported as not found. */
function existing(state: PersonState, command: PersonCommand): Person {
  const division = command.metadata.divisionId;
  if (state.status === 'none' || (division !== undefined && division !== state.divisionId)) {
    throw new PersonError(PersonErrorCode.NotFound, 'No person with this id in your division');
  }
  return state;
}

/** Nothing is changed on the record of someone who has left: it is kept as it was for reading. */
function requireEmployed(person: Person, action: string): void {
  if (person.status === 'departed') {
    throw new PersonError(
      PersonErrorCode.InvalidTransition,
      `${person.name} (${person.personId}) has departed: nothing more can be ${action}`,
      { status: 'departed' },
    );
  }
}

function requireDay(field: string, value: string): void {
  if (!isCalendarDay(value)) throw invalidPersonInput(field, `'${value}' is no day: give it as YYYY-MM-DD`);
}

/** Membership changes take effect in the order they are recorded, so the history never has to be rewritten. */
function requireNotBeforeLastChange(person: Person, field: string, day: string): void {
  const last = latestMembership(person);
  if (day < last.effectiveOn) {
    throw invalidPersonInput(
      field,
      `${person.name}'s last change of unit or position takes effect on ${last.effectiveOn}: a later change cannot take effect before it`,
    );
  }
}

function decideOnPerson(command: Exclude<PersonCommand, { type: 'HirePerson' }>, person: Person): PersonEvent[] {
  const recordedAt = command.metadata.now;
  const ids = { personId: person.personId, divisionId: person.divisionId };
  const member = { ...ids, ...(person.userId === undefined ? {} : { userId: person.userId }) };
  switch (command.type) {
    case 'SetOnboardingPlan': {
      requireEmployed(person, 'planned');
      const { tasks } = command.data;
      checkOnboardingPlan(tasks, person.completedTasks);
      if (samePlan(tasks, person.onboardingPlan)) return [];
      return [{ type: 'OnboardingPlanSet', data: { ...ids, tasks, recordedAt } }];
    }
    case 'CompleteOnboardingTask': {
      requireEmployed(person, 'ticked off');
      const { taskId, completedBy } = command.data;
      if (!person.onboardingPlan.some((task) => task.taskId === taskId)) {
        throw invalidPersonInput(
          'taskId',
          person.onboardingPlan.length === 0
            ? `${person.name} has no onboarding plan yet`
            : `${person.name}'s onboarding plan has no task '${taskId}'`,
        );
      }
      // A task is done once; who ticked it first stays the record of it.
      if (person.completedTasks.some((done) => done.taskId === taskId)) return [];
      return [{ type: 'OnboardingTaskCompleted', data: { ...ids, taskId, completedBy, completedAt: recordedAt } }];
    }
    case 'SetRampSchedule': {
      requireEmployed(person, 'planned');
      const { monthlyShares } = command.data;
      checkRampSchedule(monthlyShares);
      const current = person.rampSchedule;
      if (current?.length === monthlyShares.length && current.every((share, i) => share === monthlyShares[i])) {
        return [];
      }
      return [{ type: 'RampScheduleSet', data: { ...member, hiredOn: person.hiredOn, monthlyShares, recordedAt } }];
    }
    case 'TransferPerson': {
      requireEmployed(person, 'transferred');
      const { toUnitId, toPositionId, effectiveOn, reason } = command.data;
      if (toUnitId === undefined && toPositionId === undefined) {
        throw invalidPersonInput('toUnitId', 'Name the unit, the position or both that the person moves to');
      }
      requireDay('effectiveOn', effectiveOn);
      requireNotBeforeLastChange(person, 'effectiveOn', effectiveOn);
      // Changes never take effect out of order, so the last one is where the person is on the transfer's day.
      const from = latestMembership(person);
      const to = { unitId: toUnitId ?? from.unitId, positionId: toPositionId ?? from.positionId };
      if (to.unitId === from.unitId && to.positionId === from.positionId) return [];
      return [
        {
          type: 'MemberTransferred',
          data: {
            ...member,
            fromUnitId: from.unitId,
            fromPositionId: from.positionId,
            toUnitId: to.unitId,
            toPositionId: to.positionId,
            effectiveOn,
            reason,
            recordedAt,
          },
        },
      ];
    }
    case 'StartLeave': {
      requireEmployed(person, 'put on leave');
      const { startsOn, reason } = command.data;
      requireDay('startsOn', startsOn);
      const open = openLeave(person);
      if (open !== undefined) {
        if (open.startsOn === startsOn) return [];
        throw new PersonError(
          PersonErrorCode.InvalidTransition,
          `${person.name} is on leave since ${open.startsOn}: end that leave first`,
          { status: 'on-leave' },
        );
      }
      if (startsOn < person.hiredOn) {
        throw invalidPersonInput('startsOn', `A leave starts on or after the first day, ${person.hiredOn}`);
      }
      const lastReturn = person.leaves[person.leaves.length - 1]?.returnsOn;
      if (lastReturn !== undefined && startsOn < lastReturn) {
        throw invalidPersonInput(
          'startsOn',
          `${person.name}'s last leave ended on ${lastReturn}: a new one starts later`,
        );
      }
      return [{ type: 'LeaveStarted', data: { ...ids, startsOn, reason, recordedAt } }];
    }
    case 'EndLeave': {
      requireEmployed(person, 'brought back from leave');
      const { returnsOn } = command.data;
      requireDay('returnsOn', returnsOn);
      const open = openLeave(person);
      if (open === undefined) {
        // Ending the leave that just ended, on the same day, is what the command asked for: a repeat changes nothing.
        if (person.leaves[person.leaves.length - 1]?.returnsOn === returnsOn) return [];
        throw new PersonError(PersonErrorCode.InvalidTransition, `${person.name} is not on leave`, {
          status: personStatus(person),
        });
      }
      if (returnsOn <= open.startsOn) {
        throw invalidPersonInput('returnsOn', `The leave started on ${open.startsOn}: the first day back comes later`);
      }
      return [{ type: 'LeaveEnded', data: { ...ids, startedOn: open.startsOn, returnsOn, recordedAt } }];
    }
    case 'RecordDeparture': {
      const { departedOn, reason } = command.data;
      if (person.departure?.departedOn === departedOn) return [];
      requireEmployed(person, 'recorded');
      requireDay('departedOn', departedOn);
      requireNotBeforeLastChange(person, 'departedOn', departedOn);
      const { unitId, positionId } = latestMembership(person);
      return [
        { type: 'PersonDeparted', data: { ...ids, departedOn, reason, recordedAt } },
        { type: 'MemberLeft', data: { ...member, unitId, positionId, effectiveOn: departedOn, reason, recordedAt } },
      ];
    }
  }
}

/** A person from hire through onboarding, ramp, transfers and leave to departure. */
export const personDecider: Decider<PersonState, PersonCommand, PersonEvent> = {
  events: personEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state): PersonEvent[] {
    if (command.type !== 'HirePerson') return decideOnPerson(command, existing(state, command));
    const { personId, divisionId, unitId, positionId, name, email, hiredOn, userId } = command.data;
    if (state.status !== 'none') {
      throw new PersonError(PersonErrorCode.AlreadyExists, `Person ${personId} already exists`, {
        status: personStatus(state),
      });
    }
    requireDay('hiredOn', hiredOn);
    const recordedAt = command.metadata.now;
    const member = { personId, divisionId, ...(userId === undefined ? {} : { userId }) };
    return [
      { type: 'PersonHired', data: { ...member, name, email, unitId, positionId, hiredOn, recordedAt } },
      { type: 'MemberJoined', data: { ...member, unitId, positionId, effectiveOn: hiredOn, recordedAt } },
    ];
  },

  evolve(state, event): PersonState {
    if (event.type === 'PersonHired') {
      const { unitId: _unitId, positionId: _positionId, recordedAt: _recordedAt, ...hired } = event.data;
      return {
        status: 'employed',
        ...hired,
        memberships: [],
        onboardingPlan: [],
        completedTasks: [],
        leaves: [],
      };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'MemberJoined': {
        const { unitId, positionId, effectiveOn } = event.data;
        return { ...state, memberships: [...state.memberships, { change: 'joined', unitId, positionId, effectiveOn }] };
      }
      case 'MemberTransferred': {
        const { toUnitId: unitId, toPositionId: positionId, effectiveOn, reason } = event.data;
        const change = { change: 'transferred' as const, unitId, positionId, effectiveOn, reason };
        return { ...state, memberships: [...state.memberships, change] };
      }
      case 'OnboardingPlanSet':
        return { ...state, onboardingPlan: event.data.tasks };
      case 'OnboardingTaskCompleted': {
        const { taskId, completedBy, completedAt } = event.data;
        return { ...state, completedTasks: [...state.completedTasks, { taskId, completedBy, completedAt }] };
      }
      case 'RampScheduleSet':
        return { ...state, rampSchedule: event.data.monthlyShares };
      case 'LeaveStarted':
        return { ...state, leaves: [...state.leaves, { startsOn: event.data.startsOn, reason: event.data.reason }] };
      case 'LeaveEnded':
        return {
          ...state,
          leaves: state.leaves.map((leave) =>
            leave.startsOn === event.data.startedOn && leave.returnsOn === undefined
              ? { ...leave, returnsOn: event.data.returnsOn }
              : leave,
          ),
        };
      case 'PersonDeparted':
        return {
          ...state,
          status: 'departed',
          departure: { departedOn: event.data.departedOn, reason: event.data.reason },
        };
      case 'MemberLeft':
        return state;
    }
  },
};
