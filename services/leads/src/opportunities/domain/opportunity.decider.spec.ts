import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import type { CommandMetadata } from '@salesos/event-sourcing';
import type { OpportunityCommand } from './opportunity.commands';
import { opportunityDecider } from './opportunity.decider';
import { OpportunityError, OpportunityErrorCode } from './opportunity.errors';
import type { OpportunityEvent } from './opportunity.events';
import { defaultPipelines, type PipelineDefinition } from './pipeline';

const now = '2026-03-10T12:00:00.000Z';
const metadata: CommandMetadata = { commandId: 'c1', now, divisionId: 'north' };
const command = <C extends OpportunityCommand>(type: C['type'], data: C['data'], meta: CommandMetadata = metadata): C =>
  ({ type, data, metadata: meta }) as C;
const newBusiness = defaultPipelines[0] as PipelineDefinition;
const upsell = defaultPipelines[1] as PipelineDefinition;
const eur = (amount: number) => ({ amount, currency: 'EUR' });

const opened: OpportunityEvent = {
  type: 'OpportunityOpened',
  data: {
    opportunityId: 'opp-1',
    divisionId: 'north',
    leadId: 'lead-1',
    accountName: 'Acme',
    pipelineId: 'new-business',
    stageId: 'prospecting',
    probability: 0.1,
    amount: eur(50_000),
    expectedCloseDate: '2026-06-30',
    products: [{ productId: 'press-200', quantity: 2 }],
    channel: { kind: 'direct' },
    ownerRepId: 'rep-1',
    openedAt: now,
  },
};
const toProposal: OpportunityEvent = {
  type: 'OpportunityStageChanged',
  data: {
    opportunityId: 'opp-1',
    pipelineId: 'new-business',
    fromStage: 'prospecting',
    toStage: 'proposal',
    probability: 0.5,
    direction: 'forward',
    amount: eur(50_000),
    changedAt: now,
  },
};
const won: OpportunityEvent = {
  type: 'OpportunityWon',
  data: {
    opportunityId: 'opp-1',
    amount: eur(48_000),
    stageId: 'proposal',
    channel: { kind: 'direct' as const },
    wonAt: now,
  },
};
const lost: OpportunityEvent = {
  type: 'OpportunityLost',
  data: { opportunityId: 'opp-1', reason: 'price', stageId: 'prospecting', lostAt: now },
};
const reasons = ['price', 'competitor', 'no decision'];
const spec = DeciderSpecification.for(opportunityDecider);
const code = (value: OpportunityErrorCode) => ({ code: value });

const openCommand = (overrides: Partial<Extract<OpportunityCommand, { type: 'OpenOpportunity' }>['data']> = {}) =>
  command('OpenOpportunity', {
    opportunityId: 'opp-1',
    divisionId: 'north',
    leadId: 'lead-1',
    accountName: 'Acme',
    pipeline: newBusiness,
    amount: eur(50_000),
    expectedCloseDate: '2026-06-30',
    products: [{ productId: 'press-200', quantity: 2 }],
    channel: { kind: 'direct' },
    ownerRepId: 'rep-1',
    ...overrides,
  });

describe('opportunity decider', () => {
  describe('OpenOpportunity', () => {
    it('opens in the first stage of its pipeline with that stage’s probability', () => {
      spec.given([]).when(openCommand()).then([opened]);
    });

    it('opens in a named stage', () => {
      spec
        .given([])
        .when(openCommand({ stageId: 'negotiation' }))
        .then([{ ...opened, data: { ...opened.data, stageId: 'negotiation', probability: 0.75 } }]);
    });

    it('refuses an unknown stage, repeated or fractional products, and a second opening', () => {
      spec
        .given([])
        .when(openCommand({ stageId: 'closing' }))
        .thenThrows(OpportunityError, code(OpportunityErrorCode.UnknownStage));
      spec
        .given([])
        .when(
          openCommand({
            products: [
              { productId: 'a', quantity: 1 },
              { productId: 'a', quantity: 2 },
            ],
          }),
        )
        .thenThrows(OpportunityError, code(OpportunityErrorCode.InvalidProducts));
      spec
        .given([])
        .when(openCommand({ products: [{ productId: 'a', quantity: 1.5 }] }))
        .thenThrows(OpportunityError, code(OpportunityErrorCode.InvalidProducts));
      spec.given([opened]).when(openCommand()).thenThrows(OpportunityError, code(OpportunityErrorCode.AlreadyExists));
    });
  });

  describe('MoveOpportunityStage', () => {
    it('moves forward and backward, saying which', () => {
      spec
        .given([opened])
        .when(command('MoveOpportunityStage', { pipelines: defaultPipelines, stageId: 'proposal' }))
        .then([toProposal]);
      spec
        .given([opened, toProposal])
        .when(command('MoveOpportunityStage', { pipelines: defaultPipelines, stageId: 'qualification' }))
        .then([
          {
            type: 'OpportunityStageChanged',
            data: {
              opportunityId: 'opp-1',
              pipelineId: 'new-business',
              fromStage: 'proposal',
              toStage: 'qualification',
              probability: 0.2,
              direction: 'backward',
              amount: eur(50_000),
              changedAt: now,
            },
          },
        ]);
    });

    it('does nothing for the current stage', () => {
      spec
        .given([opened])
        .when(command('MoveOpportunityStage', { pipelines: defaultPipelines, stageId: 'prospecting' }))
        .thenNothingHappens();
    });

    it('refuses unknown stages, another pipeline, closed and missing opportunities', () => {
      spec
        .given([opened])
        .when(command('MoveOpportunityStage', { pipelines: defaultPipelines, stageId: 'won' }))
        .thenThrows(OpportunityError, code(OpportunityErrorCode.UnknownStage));
      spec
        .given([opened])
        .when(command('MoveOpportunityStage', { pipelines: [upsell], stageId: 'proposal' }))
        .thenThrows(OpportunityError, code(OpportunityErrorCode.WrongPipeline));
      spec
        .given([opened, won])
        .when(command('MoveOpportunityStage', { pipelines: defaultPipelines, stageId: 'commit' }))
        .thenThrows(OpportunityError, code(OpportunityErrorCode.Closed));
      spec
        .given([])
        .when(command('MoveOpportunityStage', { pipelines: defaultPipelines, stageId: 'commit' }))
        .thenThrows(OpportunityError, code(OpportunityErrorCode.NotFound));
    });
  });

  describe('ReviseForecast', () => {
    // Opened on 1 March; the command comes on 10 March.
    const openedFirstOfMarch: OpportunityEvent = {
      ...opened,
      data: { ...opened.data, openedAt: '2026-03-01T09:00:00.000Z' },
    };

    it('records the new belief, the previous one, and when it became true in the business', () => {
      spec
        .given([openedFirstOfMarch])
        .when(command('ReviseForecast', { amount: eur(65_000), effectiveAt: '2026-03-06T16:00:00.000Z' }))
        .then([
          {
            type: 'OpportunityForecastRevised',
            data: {
              opportunityId: 'opp-1',
              amount: eur(65_000),
              expectedCloseDate: '2026-06-30',
              previousAmount: eur(50_000),
              previousExpectedCloseDate: '2026-06-30',
              effectiveAt: '2026-03-06T16:00:00.000Z',
            },
          },
        ]);
    });

    it('dates the belief now when no business time is given, and does nothing when nothing changes', () => {
      spec
        .given([opened])
        .when(command('ReviseForecast', { expectedCloseDate: '2026-09-30' }))
        .then([
          {
            type: 'OpportunityForecastRevised',
            data: {
              opportunityId: 'opp-1',
              amount: eur(50_000),
              expectedCloseDate: '2026-09-30',
              previousAmount: eur(50_000),
              previousExpectedCloseDate: '2026-06-30',
              effectiveAt: now,
            },
          },
        ]);
      spec
        .given([opened])
        .when(command('ReviseForecast', { amount: eur(50_000) }))
        .thenNothingHappens();
    });

    it('takes a business time from the opening to now, both included', () => {
      for (const effectiveAt of ['2026-03-01T09:00:00.000Z', now]) {
        spec
          .given([openedFirstOfMarch])
          .when(command('ReviseForecast', { amount: eur(70_000), effectiveAt }))
          .then([
            {
              type: 'OpportunityForecastRevised',
              data: {
                opportunityId: 'opp-1',
                amount: eur(70_000),
                expectedCloseDate: '2026-06-30',
                previousAmount: eur(50_000),
                previousExpectedCloseDate: '2026-06-30',
                effectiveAt,
              },
            },
          ]);
      }
    });

    it('refuses a business time before the deal opened, or later than now', () => {
      for (const effectiveAt of ['2026-03-01T08:59:59.999Z', '2026-02-20T00:00:00.000Z', '2026-03-10T12:00:00.001Z']) {
        spec
          .given([openedFirstOfMarch])
          .when(command('ReviseForecast', { amount: eur(70_000), effectiveAt }))
          .thenThrows(OpportunityError, code(OpportunityErrorCode.EffectiveOutsideDeal));
      }
    });

    it('refuses closed opportunities', () => {
      spec
        .given([opened, lost])
        .when(command('ReviseForecast', { amount: eur(1) }))
        .thenThrows(OpportunityError, code(OpportunityErrorCode.Closed));
    });
  });

  describe('products and channel', () => {
    it('changes products and attributes the channel to a dealer', () => {
      const products = [
        { productId: 'press-200', quantity: 3 },
        { productId: 'service-plan', quantity: 1 },
      ];
      spec
        .given([opened])
        .when(command('ChangeProducts', { products }))
        .then([{ type: 'OpportunityProductsChanged', data: { opportunityId: 'opp-1', products, changedAt: now } }]);
      spec
        .given([opened])
        .when(command('AttributeChannel', { channel: { kind: 'dealer', dealerId: 'dealer-9' } }))
        .then([
          {
            type: 'OpportunityChannelAttributed',
            data: { opportunityId: 'opp-1', channel: { kind: 'dealer', dealerId: 'dealer-9' }, attributedAt: now },
          },
        ]);
    });

    it('does nothing for the same products or channel, and refuses invalid products', () => {
      spec
        .given([opened])
        .when(command('ChangeProducts', { products: [{ productId: 'press-200', quantity: 2 }] }))
        .thenNothingHappens();
      spec
        .given([opened])
        .when(command('AttributeChannel', { channel: { kind: 'direct' } }))
        .thenNothingHappens();
      spec
        .given([opened])
        .when(command('ChangeProducts', { products: [{ productId: 'x', quantity: 0 }] }))
        .thenThrows(OpportunityError, code(OpportunityErrorCode.InvalidProducts));
    });
  });

  describe('outcome', () => {
    it('wins with the final amount, or with the forecast amount', () => {
      spec
        .given([opened, toProposal])
        .when(command('WinOpportunity', { amount: eur(48_000) }))
        .then([won]);
      spec
        .given([opened])
        .when(command('WinOpportunity', {}))
        .then([
          {
            type: 'OpportunityWon',
            data: {
              opportunityId: 'opp-1',
              amount: eur(50_000),
              stageId: 'prospecting',
              channel: { kind: 'direct' },
              wonAt: now,
            },
          },
        ]);
    });

    it('loses with a reason from the division’s list only', () => {
      spec
        .given([opened])
        .when(command('LoseOpportunity', { reason: 'price', allowedReasons: reasons }))
        .then([lost]);
      spec
        .given([opened])
        .when(command('LoseOpportunity', { reason: 'bad luck', allowedReasons: reasons }))
        .thenThrows(
          OpportunityError,
          (error) =>
            (error as OpportunityError).code === OpportunityErrorCode.UnknownLossReason &&
            error.message.includes('price, competitor, no decision'),
        );
    });

    it('wins with a reason from the division’s won reasons, recorded until it is reopened', () => {
      const wonFor = {
        type: 'OpportunityWon' as const,
        data: { ...won.data, amount: eur(50_000), stageId: 'prospecting', reason: 'relationship' },
      };
      spec
        .given([opened])
        .when(command('WinOpportunity', { reason: 'relationship', allowedReasons: ['price', 'relationship'] }))
        .then([wonFor]);
      const state = [opened, wonFor].reduce(opportunityDecider.evolve, opportunityDecider.initialState());
      expect(state).toMatchObject({ status: 'won', wonReason: 'relationship' });
      const reopened: OpportunityEvent = {
        type: 'OpportunityReopened',
        data: { opportunityId: 'opp-1', stageId: 'prospecting', probability: 0.1, reopenedAt: now },
      };
      expect(opportunityDecider.evolve(state, reopened)).not.toHaveProperty('wonReason');
    });

    it('refuses a won reason the division does not list, and any when it lists none', () => {
      spec
        .given([opened])
        .when(command('WinOpportunity', { reason: 'luck', allowedReasons: ['price', 'relationship'] }))
        .thenThrows(
          OpportunityError,
          (error) =>
            (error as OpportunityError).code === OpportunityErrorCode.UnknownWonReason &&
            error.message.includes('price, relationship'),
        );
      spec
        .given([opened])
        .when(command('WinOpportunity', { reason: 'price' }))
        .thenThrows(OpportunityError, code(OpportunityErrorCode.UnknownWonReason));
    });

    it('refuses to win or lose a closed opportunity', () => {
      spec
        .given([opened, won])
        .when(command('WinOpportunity', {}))
        .thenThrows(OpportunityError, code(OpportunityErrorCode.Closed));
      spec
        .given([opened, lost])
        .when(command('LoseOpportunity', { reason: 'price', allowedReasons: reasons }))
        .thenThrows(OpportunityError, code(OpportunityErrorCode.Closed));
    });

    it('reopens a closed opportunity at its last stage or a named one, and refuses an open one', () => {
      spec
        .given([opened, toProposal, won])
        .when(command('ReopenOpportunity', { pipelines: defaultPipelines }))
        .then([
          {
            type: 'OpportunityReopened',
            data: { opportunityId: 'opp-1', stageId: 'proposal', probability: 0.5, reopenedAt: now },
          },
        ]);
      spec
        .given([opened, lost])
        .when(command('ReopenOpportunity', { pipelines: defaultPipelines, stageId: 'negotiation' }))
        .then([
          {
            type: 'OpportunityReopened',
            data: { opportunityId: 'opp-1', stageId: 'negotiation', probability: 0.75, reopenedAt: now },
          },
        ]);
      spec
        .given([opened])
        .when(command('ReopenOpportunity', { pipelines: defaultPipelines }))
        .thenThrows(OpportunityError, code(OpportunityErrorCode.NotClosed));
    });
  });

  it('reports another division’s opportunity as not found', () => {
    spec
      .given([opened])
      .when(command('WinOpportunity', {}, { ...metadata, divisionId: 'south' }))
      .thenThrows(OpportunityError, code(OpportunityErrorCode.NotFound));
  });
});
