import { ExpectedVersionMismatchError, IdempotencyKeyReusedError } from '@salesos/event-sourcing';
import { MemoryEventStore, type RecordedEvent } from '@salesos/event-store';
import { Clock, IdGenerator, type Principal, type RequestContext } from '@salesos/http';
import { PersonError, PersonErrorCode } from '../domain/person.errors';
import { tasks } from '../domain/person.fixture';
import { CompleteOnboardingTaskHandler } from './complete-onboarding-task.handler';
import { EndLeaveHandler } from './end-leave.handler';
import { type Hire, HirePersonHandler } from './hire-person.handler';
import { PersonStreams } from './person-streams';
import { Placements } from './placements.port';
import { ReadPersonQuery } from './read-person.query';
import { RecordDepartureHandler } from './record-departure.handler';
import { SetOnboardingPlanHandler } from './set-onboarding-plan.handler';
import { SetRampScheduleHandler } from './set-ramp-schedule.handler';
import { StartLeaveHandler } from './start-leave.handler';
import { TransferPersonHandler } from './transfer-person.handler';

/** A clock the test sets. */
class TestClock extends Clock {
  constructor(public at = new Date('2026-03-10T12:00:00.000Z')) {
    super();
  }

  now(): Date {
    return this.at;
  }
}

class CountingIds extends IdGenerator {
  private count = 0;

  next(): string {
    this.count += 1;
    return `generated-${this.count}`;
  }
}

/** The north division's organisation: two open teams and two open positions. */
class NorthPlacements extends Placements {
  unitTakesMembers(divisionId: string, unitId: string): Promise<boolean> {
    return Promise.resolve(divisionId === 'north' && ['team-east', 'team-west'].includes(unitId));
  }

  positionIsOpen(divisionId: string, positionId: string): Promise<boolean> {
    return Promise.resolve(
      divisionId === 'north' && ['account-executive', 'senior-account-executive'].includes(positionId),
    );
  }
}

const callerAs = (userId: string, roles: Principal['roles'], extra: Partial<Principal> = {}): RequestContext => ({
  divisionId: 'north',
  actor: { userId, roles: [...roles] },
  principal: { userId, roles, divisions: ['north'], teams: [], ...extra },
});
const manager = callerAs('mgr-1', ['division-manager']);
const withKey = (caller: RequestContext, key: string, fingerprint = 'request-1'): RequestContext => ({
  ...caller,
  idempotencyKey: key,
  idempotentRequest: { key, fingerprint },
});

const hire: Hire = {
  personId: 'p-1',
  unitId: 'team-east',
  positionId: 'account-executive',
  name: 'Mira Jansen',
  email: 'mira.jansen@example.com',
  hiredOn: '2026-03-02',
  userId: 'rep-mira',
};
const transfer = { toUnitId: 'team-west', effectiveOn: '2026-06-01', reason: 'west needs an experienced rep' };

const handlersOn = (people: PersonStreams) => {
  const placements = new NorthPlacements();
  return {
    hire: new HirePersonHandler(people, placements),
    setPlan: new SetOnboardingPlanHandler(people),
    completeTask: new CompleteOnboardingTaskHandler(people),
    setRamp: new SetRampScheduleHandler(people),
    transfer: new TransferPersonHandler(people, placements),
    startLeave: new StartLeaveHandler(people),
    endLeave: new EndLeaveHandler(people),
    depart: new RecordDepartureHandler(people),
    read: new ReadPersonQuery(people),
  };
};

describe('person command handlers on the event store', () => {
  let store: MemoryEventStore;
  let clock: TestClock;
  let seen: RecordedEvent[];
  let handlers: ReturnType<typeof handlersOn>;
  const stream = async (personId = 'p-1') => (await store.readStream(`person-${personId}`)).map((event) => event.type);

  beforeEach(() => {
    store = new MemoryEventStore();
    clock = new TestClock();
    seen = [];
    const people = new PersonStreams(store, clock, new CountingIds(), {
      caughtUpWith: (recorded) => {
        seen.push(...recorded);
        return Promise.resolve();
      },
    });
    handlers = handlersOn(people);
  });

  it('runs a working life through every command, each stored on the person stream', async () => {
    await handlers.hire.execute(hire, manager);
    await handlers.setPlan.execute('p-1', tasks, manager);
    const ticked = await handlers.completeTask.execute('p-1', 'accounts', manager);
    await handlers.setRamp.execute('p-1', [0.25, 0.5, 1], manager);
    await handlers.transfer.execute('p-1', transfer, manager);
    await handlers.startLeave.execute('p-1', { startsOn: '2026-04-06', reason: 'parental leave' }, manager);
    await handlers.endLeave.execute('p-1', { returnsOn: '2026-07-06' }, manager);
    const departure = await handlers.depart.execute(
      'p-1',
      { departedOn: '2026-09-01', reason: 'moved abroad' },
      manager,
    );

    expect(await stream()).toEqual([
      'PersonHired',
      'MemberJoined',
      'OnboardingPlanSet',
      'OnboardingTaskCompleted',
      'RampScheduleSet',
      'MemberTransferred',
      'LeaveStarted',
      'LeaveEnded',
      'PersonDeparted',
      'MemberLeft',
    ]);
    expect(ticked.events[0]?.data).toMatchObject({ completedBy: 'mgr-1', completedAt: '2026-03-10T12:00:00.000Z' });
    expect(departure.version).toBe(10);
    expect(departure.state).toMatchObject({ status: 'departed' });
    const [first] = await store.readStream('person-p-1');
    expect(first?.metadata).toMatchObject({
      divisionId: 'north',
      actor: { userId: 'mgr-1', roles: ['division-manager'] },
      occurredAt: '2026-03-10T12:00:00.000Z',
    });
    expect(seen.map((event) => event.type)).toEqual(expect.arrayContaining(['PersonHired', 'MemberLeft']));
  });

  describe('hiring', () => {
    it('generates the person id when the caller gives none, the same one for a repeated Idempotency-Key', async () => {
      const { personId: _chosen, ...withoutId } = hire;
      const first = await handlers.hire.execute(withoutId, withKey(manager, 'hire-mira'));
      const again = await handlers.hire.execute(withoutId, withKey(manager, 'hire-mira'));
      expect(again.personId).toBe(first.personId);
      expect(again.repeated).toBe(true);
      expect(again.version).toBe(2);
      expect(await stream(first.personId)).toEqual(['PersonHired', 'MemberJoined']);

      const unkeyed = await handlers.hire.execute(withoutId, manager);
      expect(unkeyed.personId).toBe('generated-1');
    });

    it.each([
      ['a unit the division does not have open', { unitId: 'team-gone' }, 'unitId'],
      ['a position the division does not have open', { positionId: 'astronaut' }, 'positionId'],
    ])('refuses %s, naming the field, and stores nothing', async (_label, changes, field) => {
      await expect(handlers.hire.execute({ ...hire, ...changes }, manager)).rejects.toMatchObject({
        code: PersonErrorCode.InvalidInput,
        field,
      });
      expect(await stream()).toEqual([]);
    });

    it('refuses a second hire under the same id', async () => {
      await handlers.hire.execute(hire, manager);
      await expect(handlers.hire.execute(hire, manager)).rejects.toMatchObject({
        code: PersonErrorCode.AlreadyExists,
      });
    });
  });

  describe('idempotency by command id', () => {
    beforeEach(async () => {
      await handlers.hire.execute(hire, manager);
    });

    it('stores a transfer once when its Idempotency-Key is repeated, answering as the first time', async () => {
      const first = await handlers.transfer.execute('p-1', transfer, withKey(manager, 'move-1'));
      const again = await handlers.transfer.execute('p-1', transfer, withKey(manager, 'move-1'));
      expect(again).toMatchObject({ repeated: true, version: first.version, events: first.events });
      expect(await stream()).toEqual(['PersonHired', 'MemberJoined', 'MemberTransferred']);
    });

    it('answers a repeated key as the first time even after the stream moved on', async () => {
      await handlers.startLeave.execute(
        'p-1',
        { startsOn: '2026-04-06', reason: 'parental leave' },
        withKey(manager, 'leave-1'),
      );
      await handlers.endLeave.execute('p-1', { returnsOn: '2026-05-04' }, manager);
      const again = await handlers.startLeave.execute(
        'p-1',
        { startsOn: '2026-04-06', reason: 'parental leave' },
        withKey(manager, 'leave-1'),
      );
      expect(again).toMatchObject({ repeated: true, version: 3 });
      expect(await stream()).toEqual(['PersonHired', 'MemberJoined', 'LeaveStarted', 'LeaveEnded']);
    });

    it('refuses a key used again for a different request', async () => {
      await handlers.transfer.execute('p-1', transfer, withKey(manager, 'move-1'));
      await expect(
        handlers.transfer.execute(
          'p-1',
          { ...transfer, toUnitId: 'team-east' },
          withKey(manager, 'move-1', 'request-2'),
        ),
      ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    });

    it('treats the same key from two callers as two commands', async () => {
      const other = callerAs('mgr-2', ['division-manager']);
      await handlers.setRamp.execute('p-1', [0.5, 1], withKey(manager, 'ramp'));
      const second = await handlers.setRamp.execute('p-1', [0.25, 1], withKey(other, 'ramp'));
      expect(second.repeated).toBe(false);
      expect(await stream()).toEqual(['PersonHired', 'MemberJoined', 'RampScheduleSet', 'RampScheduleSet']);
    });
  });

  describe('expected version', () => {
    beforeEach(async () => {
      await handlers.hire.execute(hire, manager);
    });

    it('acts when the caller saw the current version', async () => {
      const result = await handlers.transfer.execute('p-1', transfer, manager, 2);
      expect(result.version).toBe(3);
    });

    it('refuses a caller who saw an older version, storing nothing', async () => {
      await handlers.setRamp.execute('p-1', [0.5, 1], manager);
      const refused = handlers.transfer.execute('p-1', transfer, manager, 2);
      await expect(refused).rejects.toThrow(ExpectedVersionMismatchError);
      await expect(refused).rejects.toMatchObject({ streamId: 'person-p-1', expected: 2, actual: 3 });
      expect(await stream()).toEqual(['PersonHired', 'MemberJoined', 'RampScheduleSet']);
    });
  });

  describe('transfers', () => {
    beforeEach(async () => {
      await handlers.hire.execute(hire, manager);
    });

    it.each([
      ['a unit the division does not have open', { toUnitId: 'team-gone' }, 'toUnitId'],
      ['a position the division does not have open', { toPositionId: 'astronaut' }, 'toPositionId'],
    ])('refuses %s, naming the field', async (_label, changes, field) => {
      await expect(handlers.transfer.execute('p-1', { ...transfer, ...changes }, manager)).rejects.toMatchObject({
        code: PersonErrorCode.InvalidInput,
        field,
      });
    });

    it("passes the decider's refusal of a backdated transfer on, storing nothing", async () => {
      await handlers.transfer.execute('p-1', transfer, manager);
      await expect(
        handlers.transfer.execute('p-1', { toUnitId: 'team-east', effectiveOn: '2026-05-01', reason: 'x' }, manager),
      ).rejects.toMatchObject({ code: PersonErrorCode.InvalidInput, field: 'effectiveOn' });
      expect(await stream()).toEqual(['PersonHired', 'MemberJoined', 'MemberTransferred']);
    });
  });

  describe('reach', () => {
    const eastLead = callerAs('lead-east', ['team-lead'], { teams: ['team-east'] });
    const westLead = callerAs('lead-west', ['team-lead'], { teams: ['team-west'] });
    const rep = callerAs('rep-mira', ['rep']);
    const otherRep = callerAs('rep-jon', ['rep']);

    beforeEach(async () => {
      await handlers.hire.execute(hire, manager);
    });

    it("lets the lead of the person's unit act, and answers another team's lead as if the person did not exist", async () => {
      await handlers.setPlan.execute('p-1', tasks, eastLead);
      const refused = handlers.completeTask.execute('p-1', 'accounts', westLead);
      await expect(refused).rejects.toThrow(PersonError);
      await expect(refused).rejects.toMatchObject({ code: PersonErrorCode.NotFound });
      expect(await stream()).toEqual(['PersonHired', 'MemberJoined', 'OnboardingPlanSet']);
    });

    it('hands the person to the new lead on the day a transfer takes effect, not before', async () => {
      await handlers.transfer.execute('p-1', transfer, manager);
      await expect(handlers.read.execute('p-1', westLead)).rejects.toMatchObject({ code: PersonErrorCode.NotFound });
      await handlers.read.execute('p-1', eastLead);

      clock.at = new Date('2026-06-01T08:00:00.000Z');
      await expect(handlers.read.execute('p-1', westLead)).resolves.toMatchObject({ version: 3 });
      await expect(handlers.read.execute('p-1', eastLead)).rejects.toMatchObject({ code: PersonErrorCode.NotFound });
      await handlers.setRamp.execute('p-1', [0.5, 1], westLead);
    });

    it('shows a rep their own record only', async () => {
      await expect(handlers.read.execute('p-1', rep)).resolves.toMatchObject({ person: { name: 'Mira Jansen' } });
      await expect(handlers.read.execute('p-1', otherRep)).rejects.toMatchObject({ code: PersonErrorCode.NotFound });
    });

    it("answers another division's caller as if the person did not exist", async () => {
      const south: RequestContext = {
        divisionId: 'south',
        actor: { userId: 'mgr-s', roles: ['division-manager'] },
        principal: { userId: 'mgr-s', roles: ['division-manager'], divisions: ['south'], teams: [] },
      };
      await expect(handlers.read.execute('p-1', south)).rejects.toMatchObject({ code: PersonErrorCode.NotFound });
      await expect(handlers.setRamp.execute('p-1', [1], south)).rejects.toMatchObject({
        code: PersonErrorCode.NotFound,
      });
    });
  });
});
