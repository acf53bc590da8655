import { ContractRegistry, staffingContracts } from '@salesos/contracts';
import { CommandHandler } from '@salesos/event-sourcing';
import { MemoryEventStore } from '@salesos/event-store';
import type { PersonCommand } from '../domain/person.commands';
import { personDecider } from '../domain/person.decider';
import { hire, tasks } from '../domain/person.fixture';
import { mapPersonEvent } from './person-integration.mapper';

describe('person integration mapping', () => {
  const registry = new ContractRegistry(staffingContracts);
  const recordedAt = '2026-02-20T09:00:00.000Z';

  async function personHistories() {
    const store = new MemoryEventStore();
    const handler = new CommandHandler(store, personDecider);
    let n = 0;
    const run = (streamId: string, command: Omit<PersonCommand, 'metadata'>) =>
      handler.handle(streamId, {
        ...command,
        metadata: { commandId: `c${(n += 1)}`, now: recordedAt, divisionId: 'north' },
      } as PersonCommand);
    await run('person-p-1', { type: 'HirePerson', data: hire });
    await run('person-p-1', { type: 'SetOnboardingPlan', data: { tasks } });
    await run('person-p-1', { type: 'CompleteOnboardingTask', data: { taskId: 'accounts', completedBy: 'lead-1' } });
    await run('person-p-1', { type: 'SetRampSchedule', data: { monthlyShares: [0.5, 1] } });
    await run('person-p-1', { type: 'StartLeave', data: { startsOn: '2026-04-06', reason: 'Parental leave' } });
    await run('person-p-1', { type: 'EndLeave', data: { returnsOn: '2026-05-04' } });
    await run('person-p-1', {
      type: 'TransferPerson',
      data: { toUnitId: 'team-west', effectiveOn: '2026-06-01', reason: 'West needs an experienced rep' },
    });
    await run('person-p-1', { type: 'RecordDeparture', data: { departedOn: '2026-09-01', reason: 'Moved abroad' } });
    const { userId: _login, ...withoutLogin } = hire;
    await run('person-p-2', { type: 'HirePerson', data: { ...withoutLogin, personId: 'p-2' } });
    return (await store.readAll()).events;
  }

  it('publishes each membership change and ramp, matching its contract, keyed by the person; the rest stays inside', async () => {
    const published = (await personHistories()).flatMap(mapPersonEvent);
    expect(published.map((event) => [event.type, event.subject])).toEqual([
      ['salesos.staffing.MemberJoined.v1', 'p-1'],
      ['salesos.staffing.RampScheduleSet.v1', 'p-1'],
      ['salesos.staffing.MemberTransferred.v1', 'p-1'],
      ['salesos.staffing.MemberLeft.v1', 'p-1'],
      ['salesos.staffing.MemberJoined.v1', 'p-2'],
    ]);
    for (const event of published) {
      expect(registry.validate(event.type, event.data)).toEqual({ ok: true });
      expect(event.source).toBe('/salesos/staffing');
      expect(event.divisionId).toBe('north');
    }
    const member = { personId: 'p-1', divisionId: 'north', userId: 'rep-mira' };
    expect(published.map((event) => event.data)).toEqual([
      {
        ...member,
        unitId: 'team-east',
        positionId: 'account-executive',
        effectiveOn: '2026-03-02',
        recordedAt,
      },
      { ...member, hiredOn: '2026-03-02', monthlyShares: [0.5, 1], recordedAt },
      {
        ...member,
        fromUnitId: 'team-east',
        toUnitId: 'team-west',
        fromPositionId: 'account-executive',
        toPositionId: 'account-executive',
        reason: 'West needs an experienced rep',
        effectiveOn: '2026-06-01',
        recordedAt,
      },
      { ...member, unitId: 'team-west', reason: 'Moved abroad', effectiveOn: '2026-09-01', recordedAt },
      {
        personId: 'p-2',
        divisionId: 'north',
        unitId: 'team-east',
        positionId: 'account-executive',
        effectiveOn: '2026-03-02',
        recordedAt,
      },
    ]);
  });

  it('reads only person streams', async () => {
    const joined = (await personHistories()).find((event) => event.type === 'MemberJoined');
    if (joined === undefined) throw new Error('no joining');
    expect(mapPersonEvent(joined)).toHaveLength(1);
    expect(mapPersonEvent({ ...joined, metadata: { ...joined.metadata, streamId: 'unit-p-1' } })).toEqual([]);
  });
});
