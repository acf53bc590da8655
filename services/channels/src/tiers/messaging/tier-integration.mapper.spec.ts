import { ContractRegistry, channelsContracts } from '@salesos/contracts';
import { CommandHandler } from '@salesos/event-sourcing';
import { MemoryEventStore } from '@salesos/event-store';
import type { TierRecordCommand } from '../domain/tier-record.commands';
import { tierRecordDecider } from '../domain/tier-record.decider';
import { programme } from '../domain/tier.fixture';
import { mapTierEvent } from './tier-integration.mapper';

describe('tier integration mapping', () => {
  const registry = new ContractRegistry(channelsContracts);

  async function tierHistory() {
    const store = new MemoryEventStore();
    const handler = new CommandHandler(store, tierRecordDecider);
    let n = 0;
    const run = (command: Omit<TierRecordCommand, 'metadata'>) =>
      handler.handle('dealertier-dealer-1', {
        ...command,
        metadata: { commandId: `c${(n += 1)}`, now: '2026-03-10T12:00:00.000Z', divisionId: 'north' },
      } as TierRecordCommand);
    const gold = { revenue12m: { amount: 800_000, currency: 'EUR' }, certifiedPeople: 4, registrationWinRate: 0.35 };
    await run({
      type: 'AssignTier',
      data: {
        programme,
        changeId: 'a-1',
        dealerId: 'dealer-1',
        divisionId: 'north',
        tierId: 'silver',
        effectiveFrom: '2026-01-01',
        assignedBy: 'mgr-1',
      },
    });
    await run({ type: 'ProposeTierChange', data: { programme, reviewId: 'r-1', figures: gold } });
    await run({ type: 'RejectTierProposal', data: { reviewId: 'r-1', rejectedBy: 'mgr-2', reason: 'too early' } });
    await run({ type: 'ProposeTierChange', data: { programme, reviewId: 'r-2', figures: gold } });
    await run({
      type: 'ConfirmTierChange',
      data: { reviewId: 'r-2', confirmedBy: 'mgr-2', effectiveFrom: '2026-04-01' },
    });
    await run({
      type: 'CorrectTier',
      data: {
        programme,
        correctionId: 'k-1',
        corrects: 'r-2',
        tierId: 'silver',
        reason: 'revenue double counted',
        correctedBy: 'mgr-3',
      },
    });
    return (await store.readAll()).events;
  }

  it('publishes each change that takes effect, a correction naming the change it corrects', async () => {
    const published = (await tierHistory()).flatMap(mapTierEvent);
    expect(published.map((event) => event.type)).toEqual([
      'salesos.channels.TierChanged.v1',
      'salesos.channels.TierChanged.v1',
      'salesos.channels.TierChanged.v1',
    ]);
    for (const event of published) {
      expect(registry.validate(event.type, event.data)).toEqual({ ok: true });
      expect(event.subject).toBe('dealer-1');
    }
    const about = { dealerId: 'dealer-1', divisionId: 'north', programmeId: 'prog-north' };
    const at = '2026-03-10T12:00:00.000Z';
    expect(published.map((event) => event.data)).toEqual([
      { changeId: 'a-1', ...about, tierId: 'silver', effectiveFrom: '2026-01-01', changedAt: at },
      {
        changeId: 'r-2',
        ...about,
        tierId: 'gold',
        previousTierId: 'silver',
        effectiveFrom: '2026-04-01',
        changedAt: at,
      },
      {
        changeId: 'k-1',
        ...about,
        tierId: 'silver',
        previousTierId: 'gold',
        effectiveFrom: '2026-04-01',
        corrects: 'r-2',
        reason: 'revenue double counted',
        changedAt: at,
      },
    ]);
  });

  it('reads only tier record streams', async () => {
    const [assigned] = await tierHistory();
    if (assigned === undefined) throw new Error('no assignment');
    expect(mapTierEvent(assigned)).toHaveLength(1);
    expect(mapTierEvent({ ...assigned, metadata: { ...assigned.metadata, streamId: 'dealer-dealer-1' } })).toEqual([]);
  });
});
