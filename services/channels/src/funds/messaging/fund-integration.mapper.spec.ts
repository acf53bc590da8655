import { ContractRegistry, channelsContracts } from '@salesos/contracts';
import { CommandHandler } from '@salesos/event-sourcing';
import { MemoryEventStore } from '@salesos/event-store';
import type { FundCommand } from '../domain/fund.commands';
import { fundDecider } from '../domain/fund.decider';
import { fundBudgetStreamId } from '../domain/fund.events';
import { mapFundEvent } from './fund-integration.mapper';

describe('fund integration mapping', () => {
  const registry = new ContractRegistry(channelsContracts);
  const eur = (amount: number) => ({ amount, currency: 'EUR' });

  async function fundHistory() {
    const store = new MemoryEventStore();
    const handler = new CommandHandler(store, fundDecider);
    let n = 0;
    const run = (command: Omit<FundCommand, 'metadata'>) =>
      handler.handle(fundBudgetStreamId('dealer-1', '2026'), {
        ...command,
        metadata: { commandId: `c${(n += 1)}`, now: '2026-08-15T09:30:00.000Z', divisionId: 'north' },
      } as FundCommand);
    await run({
      type: 'AllocateFundBudget',
      data: { dealerId: 'dealer-1', divisionId: 'north', period: '2026', amount: eur(10_000), allocatedBy: 'mgr-1' },
    });
    await run({ type: 'AdjustFundBudget', data: { amount: eur(12_000), adjustedBy: 'mgr-1', reason: 'fair season' } });
    await run({
      type: 'RequestFunds',
      data: { requestId: 'q-1', amount: eur(3_000), purpose: 'fair', requestedBy: 'u-1' },
    });
    await run({
      type: 'RequestFunds',
      data: { requestId: 'q-2', amount: eur(900), purpose: 'flyers', requestedBy: 'u-1' },
    });
    await run({ type: 'RejectFundRequest', data: { requestId: 'q-2', rejectedBy: 'mgr-1', reason: 'not in plan' } });
    await run({
      type: 'ApproveFundRequest',
      data: { requestId: 'q-1', approvedBy: 'mgr-1', approvedAmount: eur(3_000) },
    });
    await run({ type: 'ClaimFunds', data: { requestId: 'q-1', claimedAmount: eur(2_800), proof: ['INV-1'] } });
    await run({
      type: 'PayFundClaim',
      data: { requestId: 'q-1', paidAt: '2026-08-14T00:00:00.000Z', reference: 'TRF-1' },
    });
    return (await store.readAll()).events;
  }

  it('publishes each paid claim, matching its contract, keyed by the dealer', async () => {
    const published = (await fundHistory()).flatMap(mapFundEvent);
    expect(published.map((event) => event.type)).toEqual(['salesos.channels.FundClaimPaid.v1']);
    const [paid] = published;
    expect(paid?.subject).toBe('dealer-1');
    expect(registry.validate(paid?.type ?? '', paid?.data)).toEqual({ ok: true });
    expect(paid?.data).toEqual({
      dealerId: 'dealer-1',
      divisionId: 'north',
      period: '2026',
      requestId: 'q-1',
      amount: eur(2_800),
      reference: 'TRF-1',
      paidAt: '2026-08-14T00:00:00.000Z',
      recordedAt: '2026-08-15T09:30:00.000Z',
    });
  });

  it('reads only fund streams', async () => {
    const paid = (await fundHistory()).find((event) => event.type === 'FundClaimPaid');
    if (paid === undefined) throw new Error('no payment');
    expect(mapFundEvent({ ...paid, metadata: { ...paid.metadata, streamId: 'fund-dealer-1-2026' } })).toEqual([]);
  });
});
