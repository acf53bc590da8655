import type { Decider } from '@salesos/event-sourcing';
import { type Money, sameMoney } from '@salesos/kernel';
import type { OpportunityCommand } from './opportunity.commands';
import { OpportunityError, OpportunityErrorCode } from './opportunity.errors';
import {
  type ChannelAttribution,
  type OpportunityEvent,
  opportunityEvents,
  type ProductLine,
} from './opportunity.events';
import { type PipelineDefinition, type PipelineStage, stageIndex } from './pipeline';

export interface Opportunity {
  status: 'open' | 'won' | 'lost';
  opportunityId: string;
  divisionId: string;
  accountName: string;
  leadId?: string;
  ownerRepId?: string;
  teamId?: string;
  pipelineId: string;
  stageId: string;
  probability: number;
  amount: Money;
  expectedCloseDate: string;
  products: ProductLine[];
  channel: ChannelAttribution;
  openedAt: string;
  closedAt?: string;
  lossReason?: string;
  wonReason?: string;
}

export type OpportunityState = { status: 'none' } | Opportunity;

function existing(state: OpportunityState, command: OpportunityCommand): Opportunity {
  const division = command.metadata.divisionId;
  if (state.status === 'none' || (division !== undefined && division !== state.divisionId)) {
    throw new OpportunityError(OpportunityErrorCode.NotFound, 'No opportunity with this id in your division');
  }
  return state;
}

function open(opportunity: Opportunity, action: string): void {
  if (opportunity.status !== 'open') {
    throw new OpportunityError(
      OpportunityErrorCode.Closed,
      `A ${opportunity.status} opportunity cannot be ${action}; reopen it first`,
    );
  }
}

function stageOf(pipeline: PipelineDefinition, stageId: string): PipelineStage {
  const stage = pipeline.stages[stageIndex(pipeline, stageId)];
  if (stage === undefined) {
    throw new OpportunityError(
      OpportunityErrorCode.UnknownStage,
      `Pipeline '${pipeline.pipelineId}' has no stage '${stageId}'; its stages are ${pipeline.stages.map((s) => s.stageId).join(', ')}`,
    );
  }
  return stage;
}

function pipelineOf(opportunity: Opportunity, pipelines: readonly PipelineDefinition[]): PipelineDefinition {
  const pipeline = pipelines.find((candidate) => candidate.pipelineId === opportunity.pipelineId);
  if (pipeline === undefined) {
    throw new OpportunityError(
      OpportunityErrorCode.WrongPipeline,
      `The division has no pipeline '${opportunity.pipelineId}' any more`,
    );
  }
  return pipeline;
}

function validProducts(products: readonly ProductLine[]): void {
  const ids = new Set(products.map((line) => line.productId));
  if (ids.size !== products.length || products.some((line) => !Number.isInteger(line.quantity) || line.quantity < 1)) {
    throw new OpportunityError(
      OpportunityErrorCode.InvalidProducts,
      'Each product may appear once, with a whole quantity of at least 1',
    );
  }
}

/** A deal moving through a pipeline, with its forecast, products, channel and outcome. */
export const opportunityDecider: Decider<OpportunityState, OpportunityCommand, OpportunityEvent> = {
  events: opportunityEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state): OpportunityEvent[] {
    const now = command.metadata.now;
    if (command.type === 'OpenOpportunity') {
      const { pipeline, stageId, ...data } = command.data;
      if (state.status !== 'none')
        throw new OpportunityError(
          OpportunityErrorCode.AlreadyExists,
          `Opportunity ${data.opportunityId} already exists`,
        );
      const first = pipeline.stages[0];
      if (first === undefined)
        throw new OpportunityError(
          OpportunityErrorCode.UnknownStage,
          `Pipeline '${pipeline.pipelineId}' has no stages`,
        );
      const stage = stageId === undefined ? first : stageOf(pipeline, stageId);
      validProducts(data.products);
      return [
        {
          type: 'OpportunityOpened',
          data: {
            ...data,
            pipelineId: pipeline.pipelineId,
            stageId: stage.stageId,
            probability: stage.probability,
            openedAt: now,
          },
        },
      ];
    }
    const opportunity = existing(state, command);
    switch (command.type) {
      case 'MoveOpportunityStage': {
        open(opportunity, 'moved');
        const pipeline = pipelineOf(opportunity, command.data.pipelines);
        const target = stageOf(pipeline, command.data.stageId);
        if (target.stageId === opportunity.stageId) return [];
        const from = stageIndex(pipeline, opportunity.stageId);
        const to = stageIndex(pipeline, target.stageId);
        return [
          {
            type: 'OpportunityStageChanged',
            data: {
              opportunityId: opportunity.opportunityId,
              pipelineId: opportunity.pipelineId,
              fromStage: opportunity.stageId,
              toStage: target.stageId,
              probability: target.probability,
              direction: to > from ? 'forward' : 'backward',
              amount: opportunity.amount,
              changedAt: now,
            },
          },
        ];
      }
      case 'ReviseForecast': {
        open(opportunity, 'revised');
        const effectiveAt = command.data.effectiveAt ?? now;
        // A belief about this deal cannot have become true before the deal existed, nor after it was stated: either
        // would make the pipeline as of now differ from the pipeline now.
        if (Date.parse(effectiveAt) < Date.parse(opportunity.openedAt) || Date.parse(effectiveAt) > Date.parse(now)) {
          throw new OpportunityError(
            OpportunityErrorCode.EffectiveOutsideDeal,
            `effectiveAt must lie between the deal's opening (${opportunity.openedAt}) and now (${now})`,
          );
        }
        const amount = command.data.amount ?? opportunity.amount;
        const expectedCloseDate = command.data.expectedCloseDate ?? opportunity.expectedCloseDate;
        if (sameMoney(amount, opportunity.amount) && expectedCloseDate === opportunity.expectedCloseDate) return [];
        return [
          {
            type: 'OpportunityForecastRevised',
            data: {
              opportunityId: opportunity.opportunityId,
              amount,
              expectedCloseDate,
              previousAmount: opportunity.amount,
              previousExpectedCloseDate: opportunity.expectedCloseDate,
              effectiveAt,
            },
          },
        ];
      }
      case 'ChangeProducts':
        open(opportunity, 'changed');
        validProducts(command.data.products);
        if (JSON.stringify(command.data.products) === JSON.stringify(opportunity.products)) return [];
        return [
          {
            type: 'OpportunityProductsChanged',
            data: { opportunityId: opportunity.opportunityId, products: command.data.products, changedAt: now },
          },
        ];
      case 'AttributeChannel':
        if (JSON.stringify(command.data.channel) === JSON.stringify(opportunity.channel)) return [];
        return [
          {
            type: 'OpportunityChannelAttributed',
            data: { opportunityId: opportunity.opportunityId, channel: command.data.channel, attributedAt: now },
          },
        ];
      case 'WinOpportunity': {
        open(opportunity, 'won');
        const { reason, allowedReasons = [] } = command.data;
        if (reason !== undefined && !allowedReasons.includes(reason)) {
          throw new OpportunityError(
            OpportunityErrorCode.UnknownWonReason,
            `'${reason}' is not one of the division's won reasons: ${allowedReasons.join(', ') || 'none'}`,
          );
        }
        return [
          {
            type: 'OpportunityWon',
            data: {
              opportunityId: opportunity.opportunityId,
              amount: command.data.amount ?? opportunity.amount,
              stageId: opportunity.stageId,
              channel: opportunity.channel,
              ...(reason === undefined ? {} : { reason }),
              wonAt: now,
            },
          },
        ];
      }
      case 'LoseOpportunity':
        open(opportunity, 'lost');
        if (!command.data.allowedReasons.includes(command.data.reason)) {
          throw new OpportunityError(
            OpportunityErrorCode.UnknownLossReason,
            `'${command.data.reason}' is not one of the division's loss reasons: ${command.data.allowedReasons.join(', ')}`,
          );
        }
        return [
          {
            type: 'OpportunityLost',
            data: {
              opportunityId: opportunity.opportunityId,
              reason: command.data.reason,
              stageId: opportunity.stageId,
              lostAt: now,
            },
          },
        ];
      case 'ReopenOpportunity': {
        if (opportunity.status === 'open')
          throw new OpportunityError(OpportunityErrorCode.NotClosed, 'The opportunity is open already');
        const stage = stageOf(
          pipelineOf(opportunity, command.data.pipelines),
          command.data.stageId ?? opportunity.stageId,
        );
        return [
          {
            type: 'OpportunityReopened',
            data: {
              opportunityId: opportunity.opportunityId,
              stageId: stage.stageId,
              probability: stage.probability,
              reopenedAt: now,
            },
          },
        ];
      }
    }
  },

  evolve(state, event): OpportunityState {
    if (event.type === 'OpportunityOpened') {
      const { data } = event;
      return {
        status: 'open',
        opportunityId: data.opportunityId,
        divisionId: data.divisionId,
        accountName: data.accountName,
        ...(data.leadId ? { leadId: data.leadId } : {}),
        ...(data.ownerRepId ? { ownerRepId: data.ownerRepId } : {}),
        ...(data.teamId ? { teamId: data.teamId } : {}),
        pipelineId: data.pipelineId,
        stageId: data.stageId,
        probability: data.probability,
        amount: data.amount,
        expectedCloseDate: data.expectedCloseDate,
        products: data.products,
        channel: data.channel,
        openedAt: data.openedAt,
      };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'OpportunityStageChanged':
        return { ...state, stageId: event.data.toStage, probability: event.data.probability };
      case 'OpportunityForecastRevised':
        return { ...state, amount: event.data.amount, expectedCloseDate: event.data.expectedCloseDate };
      case 'OpportunityProductsChanged':
        return { ...state, products: event.data.products };
      case 'OpportunityChannelAttributed':
        return { ...state, channel: event.data.channel };
      case 'OpportunityWon':
        return {
          ...state,
          status: 'won',
          amount: event.data.amount,
          probability: 1,
          closedAt: event.data.wonAt,
          ...(event.data.reason === undefined ? {} : { wonReason: event.data.reason }),
        };
      case 'OpportunityLost':
        return { ...state, status: 'lost', probability: 0, closedAt: event.data.lostAt, lossReason: event.data.reason };
      case 'OpportunityReopened': {
        const { closedAt: _closedAt, lossReason: _lossReason, wonReason: _wonReason, ...reopened } = state;
        return { ...reopened, status: 'open', stageId: event.data.stageId, probability: event.data.probability };
      }
    }
  },
};
