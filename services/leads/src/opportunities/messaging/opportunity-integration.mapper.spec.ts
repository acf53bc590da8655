import { ContractRegistry, leadsContracts } from '@salesos/contracts';
import { CommandHandler } from '@salesos/event-sourcing';
import { MemoryEventStore } from '@salesos/event-store';
import type { OpportunityCommand } from '../domain/opportunity.commands';
import { opportunityDecider } from '../domain/opportunity.decider';
import { defaultPipelines, type PipelineDefinition } from '../domain/pipeline';
import { mapOpportunityEvent } from './opportunity-integration.mapper';

describe('opportunity integration mapping', () => {
  it('publishes the whole life of an opportunity, each event matching its contract', async () => {
    const store = new MemoryEventStore();
    const handler = new CommandHandler(store, opportunityDecider);
    const pipeline = defaultPipelines[2] as PipelineDefinition;
    let n = 0;
    const run = (streamId: string, command: Omit<OpportunityCommand, 'metadata'>) =>
      handler.handle(streamId, {
        ...command,
        metadata: { commandId: `c${(n += 1)}`, now: '2026-04-01T09:00:00.000Z', divisionId: 'north' },
      } as OpportunityCommand);
    const open = (opportunityId: string, channelId?: string) =>
      run(`opportunity-${opportunityId}`, {
        type: 'OpenOpportunity',
        data: {
          opportunityId,
          divisionId: 'north',
          accountName: 'Acme',
          pipeline,
          amount: { amount: 12000, currency: 'EUR' },
          expectedCloseDate: '2026-05-31',
          products: [],
          channel: { kind: 'dealer', dealerId: 'dealer-3', ...(channelId === undefined ? {} : { channelId }) },
        },
      });
    await open('o1', 'dealer-network');
    await run('opportunity-o1', {
      type: 'MoveOpportunityStage',
      data: { pipelines: defaultPipelines, stageId: 'joint-proposal' },
    });
    await run('opportunity-o1', {
      type: 'ReviseForecast',
      data: { amount: { amount: 15000, currency: 'EUR' }, effectiveAt: '2026-04-01T09:00:00.000Z' },
    });
    await run('opportunity-o1', {
      type: 'ChangeProducts',
      data: { products: [{ productId: 'press-9', quantity: 2 }] },
    });
    await run('opportunity-o1', { type: 'AttributeChannel', data: { channel: { kind: 'direct' } } });
    await run('opportunity-o1', {
      type: 'WinOpportunity',
      data: { reason: 'references', allowedReasons: ['references'] },
    });
    await open('o2');
    await run('opportunity-o2', { type: 'LoseOpportunity', data: { reason: 'price', allowedReasons: ['price'] } });
    await run('opportunity-o2', { type: 'ReopenOpportunity', data: { pipelines: defaultPipelines } });

    const registry = new ContractRegistry(leadsContracts);
    const published = (await store.readAll()).events.flatMap(mapOpportunityEvent);
    expect(published.map((event) => event.type)).toEqual([
      'salesos.leads.OpportunityOpened.v1',
      'salesos.leads.OpportunityStageChanged.v1',
      'salesos.leads.OpportunityForecastRevised.v1',
      'salesos.leads.OpportunityProductsChanged.v1',
      'salesos.leads.OpportunityChannelAttributed.v1',
      'salesos.leads.OpportunityWon.v1',
      'salesos.leads.OpportunityOpened.v1',
      'salesos.leads.OpportunityLost.v1',
      'salesos.leads.OpportunityReopened.v1',
    ]);
    for (const event of published)
      expect({ type: event.type, valid: registry.validate(event.type, event.data) }).toEqual({
        type: event.type,
        valid: { ok: true },
      });
    expect(published[0]?.data).toMatchObject({
      accountName: 'Acme',
      pipelineId: 'dealer-sourced',
      stageId: 'registered',
      expectedCloseDate: '2026-05-31',
      channel: 'dealer',
      dealerId: 'dealer-3',
      channelId: 'dealer-network',
    });
    // Attributed before the dealers came from the channels service: no channel to tell.
    expect(published[6]?.data).toMatchObject({ channel: 'dealer', dealerId: 'dealer-3' });
    expect(published[6]?.data).not.toHaveProperty('channelId');
    expect(published[2]?.data).toMatchObject({
      amount: { amount: 15000, currency: 'EUR' },
      previousAmount: { amount: 12000, currency: 'EUR' },
      effectiveAt: '2026-04-01T09:00:00.000Z',
    });
    expect(published[5]?.data).not.toHaveProperty('dealerId');
    expect(published[5]?.data).toMatchObject({
      channel: 'direct',
      amount: { amount: 15000, currency: 'EUR' },
      reason: 'references',
    });
    expect(published[8]?.data).toMatchObject({ stageId: 'registered' });
  });
});
