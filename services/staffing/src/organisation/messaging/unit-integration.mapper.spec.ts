import { ContractRegistry, staffingContracts } from '@salesos/contracts';
import { CommandHandler } from '@salesos/event-sourcing';
import { MemoryEventStore } from '@salesos/event-store';
import type { UnitCommand } from '../domain/unit.commands';
import { unitDecider } from '../domain/unit.decider';
import { mapUnitEvent } from './unit-integration.mapper';

describe('unit integration mapping', () => {
  const registry = new ContractRegistry(staffingContracts);
  const cuts = { productGroups: ['presses'], segments: ['mid-market'], territories: ['south'] };

  async function unitHistories() {
    const store = new MemoryEventStore();
    const handler = new CommandHandler(store, unitDecider);
    let n = 0;
    const run = (streamId: string, command: Omit<UnitCommand, 'metadata'>) =>
      handler.handle(streamId, {
        ...command,
        metadata: { commandId: `c${(n += 1)}`, now: '2026-01-05T09:00:00.000Z', divisionId: 'north' },
      } as UnitCommand);
    await run('unit-sales', {
      type: 'OpenUnit',
      data: {
        unitId: 'sales',
        divisionId: 'north',
        kind: 'department',
        name: 'Sales',
        ...cuts,
        effectiveOn: '2026-01-01',
      },
    });
    await run('unit-south', {
      type: 'OpenUnit',
      data: {
        unitId: 'south',
        divisionId: 'north',
        kind: 'team',
        parent: { unitId: 'sales', kind: 'department', openedOn: '2026-01-01' },
        name: 'South',
        ...cuts,
        effectiveOn: '2026-02-01',
      },
    });
    await run('unit-south', { type: 'ReviseUnit', data: { name: 'South & East', ...cuts } });
    await run('unit-south', { type: 'AssignUnitManager', data: { personId: 'person-1', effectiveOn: '2026-02-01' } });
    await run('unit-south', {
      type: 'CloseUnit',
      data: { reason: 'Merged', effectiveOn: '2026-10-01', memberCount: 0, openUnitIds: [] },
    });
    return (await store.readAll()).events;
  }

  it('publishes each opening and closing, matching its contract, keyed by the unit; renames and managers stay inside', async () => {
    const published = (await unitHistories()).flatMap(mapUnitEvent);
    expect(published.map((event) => [event.type, event.subject])).toEqual([
      ['salesos.staffing.UnitOpened.v1', 'sales'],
      ['salesos.staffing.UnitOpened.v1', 'south'],
      ['salesos.staffing.UnitClosed.v1', 'south'],
    ]);
    for (const event of published) {
      expect(registry.validate(event.type, event.data)).toEqual({ ok: true });
      expect(event.source).toBe('/salesos/staffing');
      expect(event.divisionId).toBe('north');
    }
    expect(published.map((event) => event.data)).toEqual([
      {
        unitId: 'sales',
        divisionId: 'north',
        kind: 'department',
        name: 'Sales',
        ...cuts,
        effectiveOn: '2026-01-01',
        openedAt: '2026-01-05T09:00:00.000Z',
      },
      {
        unitId: 'south',
        divisionId: 'north',
        kind: 'team',
        name: 'South',
        parentUnitId: 'sales',
        ...cuts,
        effectiveOn: '2026-02-01',
        openedAt: '2026-01-05T09:00:00.000Z',
      },
      {
        unitId: 'south',
        divisionId: 'north',
        reason: 'Merged',
        effectiveOn: '2026-10-01',
        closedAt: '2026-01-05T09:00:00.000Z',
      },
    ]);
  });

  it('reads only unit streams', async () => {
    const opened = (await unitHistories()).find((event) => event.type === 'UnitOpened');
    if (opened === undefined) throw new Error('no opening');
    expect(mapUnitEvent(opened)).toHaveLength(1);
    expect(mapUnitEvent({ ...opened, metadata: { ...opened.metadata, streamId: 'person-sales' } })).toEqual([]);
  });
});
