import type { CommandMetadata } from '@salesos/event-sourcing';
import type { HirePerson, PersonCommand } from './person.commands';
import { personDecider } from './person.decider';
import type { PersonEvent } from './person.events';
import type { PersonState } from './person.state';

/** A rep's story in the north division, as the person specs tell it. */
export const now = '2026-03-10T12:00:00.000Z';
export const metadata: CommandMetadata = { commandId: 'c1', now, divisionId: 'north' };
export const ids = { personId: 'p-1', divisionId: 'north' };
export const member = { ...ids, userId: 'rep-mira' };

export const command = <C extends PersonCommand>(
  type: C['type'],
  data: C['data'],
  meta: CommandMetadata = metadata,
): C => ({ type, data, metadata: meta }) as C;

export const hire: HirePerson['data'] = {
  ...member,
  unitId: 'team-east',
  positionId: 'account-executive',
  name: 'Mira Jansen',
  email: 'mira.jansen@example.com',
  hiredOn: '2026-03-02',
};

export const hired: PersonEvent = { type: 'PersonHired', data: { ...hire, recordedAt: now } };
export const joined: PersonEvent = {
  type: 'MemberJoined',
  data: { ...member, unitId: 'team-east', positionId: 'account-executive', effectiveOn: '2026-03-02', recordedAt: now },
};

export const tasks = [
  { taskId: 'accounts', title: 'Collect laptop and accounts', dueDay: 0 },
  { taskId: 'product-basics', title: 'Finish the product basics course', dueDay: 14 },
  { taskId: 'first-call', title: 'Lead a customer call with a mentor', dueDay: 30 },
];
export const planSet: PersonEvent = { type: 'OnboardingPlanSet', data: { ...ids, tasks, recordedAt: now } };
export const taskCompleted = (taskId: string): PersonEvent => ({
  type: 'OnboardingTaskCompleted',
  data: { ...ids, taskId, completedBy: 'lead-1', completedAt: now },
});

export const ramp = [0.25, 0.5, 0.75, 1];
export const rampSet: PersonEvent = {
  type: 'RampScheduleSet',
  data: { ...member, hiredOn: '2026-03-02', monthlyShares: ramp, recordedAt: now },
};

export const transferred = (
  effectiveOn: string,
  to: { unitId?: string; positionId?: string } = {},
  from = { unitId: 'team-east', positionId: 'account-executive' },
): PersonEvent => ({
  type: 'MemberTransferred',
  data: {
    ...member,
    fromUnitId: from.unitId,
    fromPositionId: from.positionId,
    toUnitId: to.unitId ?? 'team-west',
    toPositionId: to.positionId ?? from.positionId,
    effectiveOn,
    reason: 'west needs an experienced rep',
    recordedAt: now,
  },
});

export const leaveStarted = (startsOn = '2026-04-06'): PersonEvent => ({
  type: 'LeaveStarted',
  data: { ...ids, startsOn, reason: 'parental leave', recordedAt: now },
});
export const leaveEnded = (returnsOn = '2026-07-06', startedOn = '2026-04-06'): PersonEvent => ({
  type: 'LeaveEnded',
  data: { ...ids, startedOn, returnsOn, recordedAt: now },
});

export const departed = (departedOn = '2026-09-01', unitId = 'team-east'): PersonEvent[] => [
  { type: 'PersonDeparted', data: { ...ids, departedOn, reason: 'moved abroad', recordedAt: now } },
  {
    type: 'MemberLeft',
    data: {
      ...member,
      unitId,
      positionId: 'account-executive',
      effectiveOn: departedOn,
      reason: 'moved abroad',
      recordedAt: now,
    },
  },
];

/** The histories that leave the person in each state. */
export const history = {
  employed: [hired, joined],
  onLeave: [hired, joined, leaveStarted()],
  departed: [hired, joined, ...departed()],
};

export const fold = (events: readonly PersonEvent[]): PersonState =>
  events.reduce((state, event) => personDecider.evolve(state, event), personDecider.initialState());
