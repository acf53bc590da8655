import { ContractRegistry, channelsContracts } from '@salesos/contracts';
import { CommandHandler } from '@salesos/event-sourcing';
import { MemoryEventStore } from '@salesos/event-store';
import type { DealerCommand } from '../domain/dealer.commands';
import { dealerDecider } from '../domain/dealer.decider';
import { mapDealerEvent } from './dealer-integration.mapper';

describe('dealer integration mapping', () => {
  const registry = new ContractRegistry(channelsContracts);

  async function dealerHistory() {
    const store = new MemoryEventStore();
    const handler = new CommandHandler(store, dealerDecider);
    let n = 0;
    const run = (command: Omit<DealerCommand, 'metadata'>) =>
      handler.handle('dealer-d1', {
        ...command,
        metadata: { commandId: `c${(n += 1)}`, now: '2026-04-01T09:00:00.000Z', divisionId: 'north' },
      } as DealerCommand);
    await run({
      type: 'ApplyAsDealer',
      data: {
        dealerId: 'd1',
        divisionId: 'north',
        companyName: 'Nordbau GmbH',
        contactEmail: 'sales@nordbau.example',
        channelId: 'dealers',
        channelKind: 'dealer',
        territories: ['north'],
        productGroups: ['presses'],
        appliedBy: 'mgr-1',
      },
    });
    const approved = await run({ type: 'ApproveApplication', data: {} });
    const requirements = approved.state.status === 'none' ? [] : approved.state.requirements;
    for (const { requirementId } of requirements)
      await run({ type: 'TickRequirement', data: { requirementId, evidence: 'seen', tickedBy: 'mgr-1' } });
    await run({ type: 'AddDealerUser', data: { userId: 'u-1' } });
    await run({ type: 'ActivateDealer', data: {} });
    await run({ type: 'SuspendDealer', data: { reason: 'unpaid invoices' } });
    await run({ type: 'ReinstateDealer', data: {} });
    await run({ type: 'TerminateDealer', data: { reason: 'left the market', effectiveDay: '2026-06-30' } });
    return (await store.readAll()).events;
  }

  it('publishes activation, suspension, reinstatement and termination, each matching its contract, keyed by the dealer', async () => {
    const published = (await dealerHistory()).flatMap(mapDealerEvent);
    expect(published.map((event) => event.type)).toEqual([
      'salesos.channels.DealerActivated.v1',
      'salesos.channels.DealerSuspended.v1',
      'salesos.channels.DealerReinstated.v1',
      'salesos.channels.DealerTerminated.v1',
    ]);
    for (const event of published) {
      expect(registry.validate(event.type, event.data)).toEqual({ ok: true });
      expect(event.subject).toBe('d1');
      expect(event.source).toBe('/salesos/channels');
      expect(event.divisionId).toBe('north');
    }
    expect(published.map((event) => event.data)).toEqual([
      {
        dealerId: 'd1',
        divisionId: 'north',
        channelId: 'dealers',
        companyName: 'Nordbau GmbH',
        activatedAt: '2026-04-01T09:00:00.000Z',
      },
      { dealerId: 'd1', divisionId: 'north', reason: 'unpaid invoices', suspendedAt: '2026-04-01T09:00:00.000Z' },
      { dealerId: 'd1', divisionId: 'north', reinstatedAt: '2026-04-01T09:00:00.000Z' },
      {
        dealerId: 'd1',
        divisionId: 'north',
        reason: 'left the market',
        effectiveDay: '2026-06-30',
        terminatedAt: '2026-04-01T09:00:00.000Z',
      },
    ]);
  });

  it('reads only dealer streams', async () => {
    const activated = (await dealerHistory()).find((event) => event.type === 'DealerActivated');
    if (activated === undefined) throw new Error('no activation');
    expect(mapDealerEvent(activated)).toHaveLength(1);
    expect(mapDealerEvent({ ...activated, metadata: { ...activated.metadata, streamId: 'dealertier-d1' } })).toEqual(
      [],
    );
  });
});
