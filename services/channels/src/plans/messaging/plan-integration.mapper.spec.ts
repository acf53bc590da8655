import { ContractRegistry, channelsContracts } from '@salesos/contracts';
import { CommandHandler } from '@salesos/event-sourcing';
import { MemoryEventStore } from '@salesos/event-store';
import type { PlanCommand } from '../domain/plan.commands';
import { planDecider } from '../domain/plan.decider';
import { dealerPlanStreamId } from '../domain/plan-period';
import { mapPlanEvent } from './plan-integration.mapper';

describe('plan integration mapping', () => {
  const registry = new ContractRegistry(channelsContracts);
  const eur = (amount: number) => ({ amount, currency: 'EUR' });

  async function planHistory() {
    const store = new MemoryEventStore();
    const handler = new CommandHandler(store, planDecider);
    let n = 0;
    const run = (command: Omit<PlanCommand, 'metadata'>) =>
      handler.handle(dealerPlanStreamId('dealer-1', '2026-Q3'), {
        ...command,
        metadata: { commandId: `c${(n += 1)}`, now: '2026-06-20T14:00:00.000Z', divisionId: 'north' },
      } as PlanCommand);
    const plan = (value: number, reason: string) =>
      run({
        type: 'SetDealerPlan',
        data: {
          dealerId: 'dealer-1',
          divisionId: 'north',
          period: '2026-Q3',
          value: eur(value),
          units: 3,
          productMix: [{ productGroup: 'presses', value: eur(value), units: 3 }],
          setBy: 'mgr-1',
          reason,
        },
      });
    await plan(300_000, 'first plan');
    await run({
      type: 'RecordPlanActual',
      data: {
        opportunityId: 'opp-1',
        value: eur(90_000),
        units: 1,
        productGroup: 'presses',
        wonAt: '2026-07-15T10:00:00.000Z',
      },
    });
    await plan(350_000, 'a larger quarter');
    return (await store.readAll()).events;
  }

  it('publishes each revision of the plan, matching its contract, keyed by the dealer', async () => {
    const published = (await planHistory()).flatMap(mapPlanEvent);
    expect(published.map((event) => event.type)).toEqual([
      'salesos.channels.DealerPlanSet.v1',
      'salesos.channels.DealerPlanSet.v1',
    ]);
    for (const event of published) {
      expect(registry.validate(event.type, event.data)).toEqual({ ok: true });
      expect(event.subject).toBe('dealer-1');
    }
    expect(published[1]?.data).toEqual({
      dealerId: 'dealer-1',
      divisionId: 'north',
      period: '2026-Q3',
      revision: 2,
      value: eur(350_000),
      units: 3,
      productMix: [{ productGroup: 'presses', value: eur(350_000), units: 3 }],
      reason: 'a larger quarter',
      setAt: '2026-06-20T14:00:00.000Z',
    });
  });

  it('reads only plan streams', async () => {
    const [set] = await planHistory();
    if (set === undefined) throw new Error('no plan');
    expect(mapPlanEvent(set)).toHaveLength(1);
    expect(mapPlanEvent({ ...set, metadata: { ...set.metadata, streamId: 'planning-dealer-1' } })).toEqual([]);
  });
});
