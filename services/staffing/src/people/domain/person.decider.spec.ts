import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import type {
  CompleteOnboardingTask,
  EndLeave,
  HirePerson,
  PersonCommand,
  RecordDeparture,
  SetOnboardingPlan,
  SetRampSchedule,
  StartLeave,
  TransferPerson,
} from './person.commands';
import { personDecider } from './person.decider';
import { PersonError, PersonErrorCode } from './person.errors';
import { type PersonEvent, personEvents } from './person.events';
import {
  command,
  departed,
  fold,
  hire,
  hired,
  history,
  ids,
  joined,
  leaveEnded,
  leaveStarted,
  member,
  metadata,
  now,
  planSet,
  ramp,
  rampSet,
  taskCompleted,
  tasks,
  transferred,
} from './person.fixture';

const spec = DeciderSpecification.for(personDecider);

const hirePerson = (changes: Partial<HirePerson['data']> = {}) =>
  command<HirePerson>('HirePerson', { ...hire, ...changes });
const setPlan = (planned: SetOnboardingPlan['data']['tasks'] = tasks) =>
  command<SetOnboardingPlan>('SetOnboardingPlan', { tasks: planned });
const complete = (taskId: string) =>
  command<CompleteOnboardingTask>('CompleteOnboardingTask', { taskId, completedBy: 'lead-1' });
const setRamp = (monthlyShares: number[] = ramp) => command<SetRampSchedule>('SetRampSchedule', { monthlyShares });
const transfer = (data: Partial<TransferPerson['data']> = {}) =>
  command<TransferPerson>('TransferPerson', {
    toUnitId: 'team-west',
    effectiveOn: '2026-06-01',
    reason: 'west needs an experienced rep',
    ...data,
  });
const startLeave = (startsOn = '2026-04-06') =>
  command<StartLeave>('StartLeave', { startsOn, reason: 'parental leave' });
const endLeave = (returnsOn = '2026-07-06') => command<EndLeave>('EndLeave', { returnsOn });
const depart = (departedOn = '2026-09-01') =>
  command<RecordDeparture>('RecordDeparture', { departedOn, reason: 'moved abroad' });

const code = (value: PersonErrorCode) => ({ code: value });
const invalidField = (field: string) => (error: Error) =>
  (error as PersonError).code === PersonErrorCode.InvalidInput && (error as PersonError).field === field;
const inState = (status: string) => (error: Error) =>
  (error as PersonError).code === PersonErrorCode.InvalidTransition && (error as PersonError).status === status;

const everyCommandOnAPerson: PersonCommand[] = [
  setPlan(),
  complete('accounts'),
  setRamp(),
  transfer(),
  startLeave(),
  endLeave(),
  depart(),
];

describe('person decider', () => {
  it('decides only events its schemas accept', () => {
    for (const event of [
      hired,
      joined,
      planSet,
      taskCompleted('accounts'),
      rampSet,
      transferred('2026-06-01'),
      leaveStarted(),
      leaveEnded(),
      ...departed(),
    ]) {
      expect(() => personEvents.check(event)).not.toThrow();
    }
  });

  describe('HirePerson', () => {
    it('records the hire and the person joining their unit from the first day', () => {
      spec.given([]).when(hirePerson()).then([hired, joined]);
    });

    it('hires someone without a login yet', () => {
      const { userId: _userId, ...withoutLogin } = hire;
      spec
        .given([])
        .when(command<HirePerson>('HirePerson', withoutLogin))
        .then([
          { type: 'PersonHired', data: { ...withoutLogin, recordedAt: now } },
          {
            type: 'MemberJoined',
            data: {
              ...ids,
              unitId: 'team-east',
              positionId: 'account-executive',
              effectiveOn: '2026-03-02',
              recordedAt: now,
            },
          },
        ]);
    });

    it('hires for a first day in the future', () => {
      const events = personDecider.decide(hirePerson({ hiredOn: '2026-05-01' }), personDecider.initialState());
      expect(events.map((event) => event.type)).toEqual(['PersonHired', 'MemberJoined']);
      expect(events[1]?.data).toMatchObject({ effectiveOn: '2026-05-01' });
    });

    it.each(['2026-02-30', '2026-3-2', '02.03.2026'])('refuses the first day %s, naming hiredOn', (hiredOn) => {
      spec.given([]).when(hirePerson({ hiredOn })).thenThrows(PersonError, invalidField('hiredOn'));
    });

    it('refuses a second hire for the same person id, naming their state', () => {
      spec
        .given(history.departed)
        .when(hirePerson())
        .thenThrows(PersonError, { code: PersonErrorCode.AlreadyExists, status: 'departed' });
    });
  });

  describe('a command on a person who does not exist', () => {
    it.each(everyCommandOnAPerson)('refuses $type as not found', (refused) => {
      spec.given([]).when(refused).thenThrows(PersonError, code(PersonErrorCode.NotFound));
    });

    it.each(everyCommandOnAPerson)("reports another division's person as not found for $type", (refused) => {
      spec
        .given(history.employed)
        .when({ ...refused, metadata: { ...metadata, divisionId: 'south' } })
        .thenThrows(PersonError, code(PersonErrorCode.NotFound));
    });
  });

  describe('after departure', () => {
    it.each(everyCommandOnAPerson.filter((refused) => refused.type !== 'RecordDeparture'))(
      'refuses $type: the record is kept as it was',
      (refused) => {
        spec.given(history.departed).when(refused).thenThrows(PersonError, inState('departed'));
      },
    );
  });

  describe('SetOnboardingPlan', () => {
    it('sets the plan', () => {
      spec.given(history.employed).when(setPlan()).then([planSet]);
    });

    it('changes nothing when the same plan is set again', () => {
      spec
        .given([...history.employed, planSet])
        .when(setPlan())
        .thenNothingHappens();
    });

    it('replaces the plan, keeping a task already done', () => {
      const revised = [tasks[0]!, { taskId: 'crm-training', title: 'CRM training', dueDay: 5 }];
      spec
        .given([...history.employed, planSet, taskCompleted('accounts')])
        .when(setPlan(revised))
        .then([{ type: 'OnboardingPlanSet', data: { ...ids, tasks: revised, recordedAt: now } }]);
    });

    it('refuses a revised plan that drops a task already done, naming tasks', () => {
      spec
        .given([...history.employed, planSet, taskCompleted('product-basics')])
        .when(setPlan([tasks[0]!]))
        .thenThrows(PersonError, (error) => invalidField('tasks')(error) && error.message.includes('product-basics'));
    });

    it.each([0, 101])('refuses a plan of %i tasks, naming tasks', (count) => {
      const planned = Array.from({ length: count }, (_, index) => ({ taskId: `t-${index}`, title: 'Task', dueDay: 1 }));
      spec.given(history.employed).when(setPlan(planned)).thenThrows(PersonError, invalidField('tasks'));
    });

    it('refuses a task listed twice, naming its place', () => {
      spec
        .given(history.employed)
        .when(setPlan([...tasks, { ...tasks[1]!, title: 'again' }]))
        .thenThrows(PersonError, invalidField('tasks[3].taskId'));
    });

    it.each([-1, 1.5, 731])('refuses a task due on day %p, naming its place', (dueDay) => {
      spec
        .given(history.employed)
        .when(setPlan([tasks[0]!, { ...tasks[1]!, dueDay }]))
        .thenThrows(PersonError, invalidField('tasks[1].dueDay'));
    });

    it('plans the onboarding of someone on leave', () => {
      spec.given(history.onLeave).when(setPlan()).then([planSet]);
    });
  });

  describe('CompleteOnboardingTask', () => {
    it('ticks a task of the plan with who did it', () => {
      spec
        .given([...history.employed, planSet])
        .when(complete('product-basics'))
        .then([taskCompleted('product-basics')]);
    });

    it('changes nothing when ticked again, keeping the first completion', () => {
      spec
        .given([...history.employed, planSet, taskCompleted('accounts')])
        .when(
          command<CompleteOnboardingTask>('CompleteOnboardingTask', { taskId: 'accounts', completedBy: 'rep-mira' }),
        )
        .thenNothingHappens();
    });

    it('refuses a task the plan does not have, naming taskId', () => {
      spec
        .given([...history.employed, planSet])
        .when(complete('golf-lessons'))
        .thenThrows(
          PersonError,
          (error) => invalidField('taskId')(error) && error.message.includes("no task 'golf-lessons'"),
        );
    });

    it('refuses any task before a plan is set, naming taskId', () => {
      spec
        .given(history.employed)
        .when(complete('accounts'))
        .thenThrows(
          PersonError,
          (error) => invalidField('taskId')(error) && error.message.includes('no onboarding plan'),
        );
    });
  });

  describe('SetRampSchedule', () => {
    it('sets the ramp, with the first day it counts from', () => {
      spec.given(history.employed).when(setRamp()).then([rampSet]);
    });

    it('changes nothing when the same ramp is set again', () => {
      spec
        .given([...history.employed, rampSet])
        .when(setRamp())
        .thenNothingHappens();
    });

    it('replaces a ramp', () => {
      spec
        .given([...history.employed, rampSet])
        .when(setRamp([0.5, 1]))
        .then([{ ...rampSet, data: { ...rampSet.data, monthlyShares: [0.5, 1] } } as PersonEvent]);
    });

    it('accepts full quota from the first month', () => {
      spec
        .given(history.employed)
        .when(setRamp([1]))
        .then([{ ...rampSet, data: { ...rampSet.data, monthlyShares: [1] } } as PersonEvent]);
    });

    it.each([
      ['a share of none', [0, 0.5, 1], 'monthlyShares[0]'],
      ['a share above full quota', [0.5, 1.2, 1], 'monthlyShares[1]'],
      ['a share that is no number', [0.5, Number.NaN, 1], 'monthlyShares[1]'],
      ['a falling share', [0.3, 0.6, 0.5, 1], 'monthlyShares[2]'],
      ['a ramp that does not end at full quota', [0.25, 0.5, 0.9], 'monthlyShares[2]'],
      ['an empty ramp', [], 'monthlyShares'],
      ['a ramp longer than three years', Array.from({ length: 37 }, () => 1), 'monthlyShares'],
    ])('refuses %s, naming the month', (_label, monthlyShares, field) => {
      spec.given(history.employed).when(setRamp(monthlyShares)).thenThrows(PersonError, invalidField(field));
    });
  });

  describe('TransferPerson', () => {
    it('moves the person to another unit from a future day, keeping their position', () => {
      spec
        .given(history.employed)
        .when(transfer())
        .then([transferred('2026-06-01')]);
    });

    it('changes the position only', () => {
      spec
        .given(history.employed)
        .when(transfer({ toUnitId: undefined, toPositionId: 'senior-account-executive' }))
        .then([transferred('2026-06-01', { unitId: 'team-east', positionId: 'senior-account-executive' })]);
    });

    it('changes unit and position at once, from where the last change left the person', () => {
      spec
        .given([...history.employed, transferred('2026-06-01')])
        .when(
          transfer({ toUnitId: 'dept-key-accounts', toPositionId: 'key-account-manager', effectiveOn: '2026-09-01' }),
        )
        .then([
          transferred(
            '2026-09-01',
            { unitId: 'dept-key-accounts', positionId: 'key-account-manager' },
            { unitId: 'team-west', positionId: 'account-executive' },
          ),
        ]);
    });

    it('takes effect on the day of the last change, and on the first day', () => {
      spec
        .given([...history.employed, transferred('2026-06-01')])
        .when(transfer({ toUnitId: 'team-north', effectiveOn: '2026-06-01' }))
        .then([
          transferred('2026-06-01', { unitId: 'team-north' }, { unitId: 'team-west', positionId: 'account-executive' }),
        ]);
      spec
        .given(history.employed)
        .when(transfer({ effectiveOn: '2026-03-02' }))
        .then([transferred('2026-03-02')]);
    });

    it('refuses a transfer effective before the last change, naming effectiveOn and that change', () => {
      spec
        .given([...history.employed, transferred('2026-06-01')])
        .when(transfer({ toUnitId: 'team-north', effectiveOn: '2026-05-31' }))
        .thenThrows(PersonError, (error) => invalidField('effectiveOn')(error) && error.message.includes('2026-06-01'));
    });

    it('refuses a transfer effective before the first day, naming effectiveOn', () => {
      spec
        .given(history.employed)
        .when(transfer({ effectiveOn: '2026-03-01' }))
        .thenThrows(PersonError, invalidField('effectiveOn'));
    });

    it('refuses a transfer that names neither unit nor position, naming toUnitId', () => {
      spec
        .given(history.employed)
        .when(command<TransferPerson>('TransferPerson', { effectiveOn: '2026-06-01', reason: 'x' }))
        .thenThrows(PersonError, invalidField('toUnitId'));
    });

    it('refuses an effective day that is no day, naming effectiveOn', () => {
      spec
        .given(history.employed)
        .when(transfer({ effectiveOn: '2026-06-31' }))
        .thenThrows(PersonError, invalidField('effectiveOn'));
    });

    it('changes nothing when the person is already there', () => {
      spec
        .given([...history.employed, transferred('2026-06-01')])
        .when(transfer({ toUnitId: 'team-west', effectiveOn: '2026-07-01' }))
        .thenNothingHappens();
      spec
        .given(history.employed)
        .when(transfer({ toUnitId: 'team-east', toPositionId: 'account-executive' }))
        .thenNothingHappens();
    });

    it('moves someone on leave', () => {
      spec
        .given(history.onLeave)
        .when(transfer())
        .then([transferred('2026-06-01')]);
    });

    it('keeps every change in the history', () => {
      const person = fold([
        ...history.employed,
        transferred('2026-06-01'),
        transferred('2026-09-01', { unitId: 'team-east' }, { unitId: 'team-west', positionId: 'account-executive' }),
      ]);
      expect(person).toMatchObject({
        memberships: [
          { change: 'joined', unitId: 'team-east', effectiveOn: '2026-03-02' },
          {
            change: 'transferred',
            unitId: 'team-west',
            effectiveOn: '2026-06-01',
            reason: 'west needs an experienced rep',
          },
          { change: 'transferred', unitId: 'team-east', effectiveOn: '2026-09-01' },
        ],
      });
    });
  });

  describe('StartLeave', () => {
    it('starts a leave', () => {
      spec.given(history.employed).when(startLeave()).then([leaveStarted()]);
    });

    it('plans a leave that starts in the future, and one after an earlier leave', () => {
      spec
        .given(history.employed)
        .when(startLeave('2027-01-04'))
        .then([leaveStarted('2027-01-04')]);
      spec
        .given([...history.onLeave, leaveEnded()])
        .when(startLeave('2026-07-06'))
        .then([leaveStarted('2026-07-06')]);
    });

    it('changes nothing when the same leave is started again', () => {
      spec.given(history.onLeave).when(startLeave()).thenNothingHappens();
    });

    it('refuses another leave while one is open, naming the state', () => {
      spec.given(history.onLeave).when(startLeave('2026-05-01')).thenThrows(PersonError, inState('on-leave'));
    });

    it('refuses a leave before the first day, naming startsOn', () => {
      spec.given(history.employed).when(startLeave('2026-03-01')).thenThrows(PersonError, invalidField('startsOn'));
    });

    it('refuses a leave that starts before the last one ended, naming startsOn', () => {
      spec
        .given([...history.onLeave, leaveEnded()])
        .when(startLeave('2026-07-05'))
        .thenThrows(PersonError, invalidField('startsOn'));
    });

    it('refuses a start that is no day, naming startsOn', () => {
      spec.given(history.employed).when(startLeave('2026-13-01')).thenThrows(PersonError, invalidField('startsOn'));
    });
  });

  describe('EndLeave', () => {
    it('ends the open leave on the first day back', () => {
      spec.given(history.onLeave).when(endLeave()).then([leaveEnded()]);
      expect(fold([...history.onLeave, leaveEnded()])).toMatchObject({
        leaves: [{ startsOn: '2026-04-06', reason: 'parental leave', returnsOn: '2026-07-06' }],
      });
    });

    it('changes nothing when the leave is ended again on the same day', () => {
      spec
        .given([...history.onLeave, leaveEnded()])
        .when(endLeave())
        .thenNothingHappens();
    });

    it('is refused when the person is not on leave, naming the state', () => {
      spec.given(history.employed).when(endLeave()).thenThrows(PersonError, inState('employed'));
      spec
        .given([...history.onLeave, leaveEnded()])
        .when(endLeave('2026-08-01'))
        .thenThrows(PersonError, inState('employed'));
    });

    it.each(['2026-04-06', '2026-04-01'])(
      'refuses the first day back %s, on or before the start, naming returnsOn',
      (returnsOn) => {
        spec.given(history.onLeave).when(endLeave(returnsOn)).thenThrows(PersonError, invalidField('returnsOn'));
      },
    );
  });

  describe('RecordDeparture', () => {
    it('records the departure and the person leaving their unit', () => {
      spec.given(history.employed).when(depart()).then(departed());
    });

    it('has the person leave the unit the last change moved them to', () => {
      spec
        .given([...history.employed, transferred('2026-06-01')])
        .when(depart())
        .then(departed('2026-09-01', 'team-west'));
    });

    it('records the departure of someone on leave', () => {
      spec.given(history.onLeave).when(depart()).then(departed());
    });

    it('changes nothing when the same departure is recorded again', () => {
      spec.given(history.departed).when(depart()).thenNothingHappens();
    });

    it('refuses another departure day once departed, naming the state', () => {
      spec.given(history.departed).when(depart('2026-10-01')).thenThrows(PersonError, inState('departed'));
    });

    it('refuses a departure before the last change, naming departedOn', () => {
      spec
        .given([...history.employed, transferred('2026-06-01')])
        .when(depart('2026-05-15'))
        .thenThrows(PersonError, (error) => invalidField('departedOn')(error) && error.message.includes('2026-06-01'));
    });

    it('refuses a departure day that is no day, naming departedOn', () => {
      spec.given(history.employed).when(depart('2026-09-31')).thenThrows(PersonError, invalidField('departedOn'));
    });
  });

  it('keeps what it was told of the person', () => {
    expect(fold([...history.employed, planSet, taskCompleted('accounts'), rampSet, ...departed()])).toEqual({
      status: 'departed',
      ...member,
      name: 'Mira Jansen',
      email: 'mira.jansen@example.com',
      hiredOn: '2026-03-02',
      memberships: [
        { change: 'joined', unitId: 'team-east', positionId: 'account-executive', effectiveOn: '2026-03-02' },
      ],
      onboardingPlan: tasks,
      completedTasks: [{ taskId: 'accounts', completedBy: 'lead-1', completedAt: now }],
      rampSchedule: ramp,
      leaves: [],
      departure: { departedOn: '2026-09-01', reason: 'moved abroad' },
    });
  });
});
