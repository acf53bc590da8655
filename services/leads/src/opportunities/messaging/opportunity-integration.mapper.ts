import {
  eventOf,
  type IntegrationEvent,
  OpportunityChannelAttributedV1,
  OpportunityForecastRevisedV1,
  OpportunityLostV1,
  OpportunityOpenedV1,
  OpportunityProductsChangedV1,
  OpportunityReopenedV1,
  OpportunityStageChangedV1,
  OpportunityWonV1,
} from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';
import { envelopeOf } from '@salesos/messaging';
import { type ChannelAttribution, opportunityEvents } from '../domain/opportunity.events';

const day = (date: string): string => date.slice(0, 10);
const channelFields = (channel: ChannelAttribution) =>
  channel.kind === 'dealer'
    ? {
        channel: channel.kind,
        dealerId: channel.dealerId,
        ...(channel.channelId === undefined ? {} : { channelId: channel.channelId }),
      }
    : { channel: channel.kind };

/** The whole life of an opportunity is published: reporting rebuilds the pipeline, forecasts and outcomes from it. */
export function mapOpportunityEvent(recorded: RecordedEvent): IntegrationEvent[] {
  if (!recorded.metadata.streamId.startsWith('opportunity-')) return [];
  const event = opportunityEvents.decode(recorded);
  const divisionId = recorded.metadata.divisionId ?? '';
  const envelope = envelopeOf(recorded);
  switch (event.type) {
    case 'OpportunityOpened': {
      const { data } = event;
      return [
        eventOf(OpportunityOpenedV1, envelope, {
          opportunityId: data.opportunityId,
          divisionId: data.divisionId,
          ...(data.leadId ? { leadId: data.leadId } : {}),
          accountName: data.accountName,
          pipelineId: data.pipelineId,
          stageId: data.stageId,
          probability: data.probability,
          amount: data.amount,
          expectedCloseDate: day(data.expectedCloseDate),
          products: data.products,
          ...channelFields(data.channel),
          ...(data.ownerRepId ? { ownerRepId: data.ownerRepId } : {}),
          openedAt: data.openedAt,
        }),
      ];
    }
    case 'OpportunityForecastRevised': {
      const { data } = event;
      return [
        eventOf(OpportunityForecastRevisedV1, envelope, {
          opportunityId: data.opportunityId,
          divisionId,
          amount: data.amount,
          expectedCloseDate: day(data.expectedCloseDate),
          previousAmount: data.previousAmount,
          previousExpectedCloseDate: day(data.previousExpectedCloseDate),
          effectiveAt: data.effectiveAt,
        }),
      ];
    }
    case 'OpportunityProductsChanged': {
      const { opportunityId, products, changedAt } = event.data;
      return [eventOf(OpportunityProductsChangedV1, envelope, { opportunityId, divisionId, products, changedAt })];
    }
    case 'OpportunityChannelAttributed': {
      const { opportunityId, channel, attributedAt } = event.data;
      return [
        eventOf(OpportunityChannelAttributedV1, envelope, {
          opportunityId,
          divisionId,
          ...channelFields(channel),
          attributedAt,
        }),
      ];
    }
    case 'OpportunityReopened': {
      const { opportunityId, stageId, probability, reopenedAt } = event.data;
      return [
        eventOf(OpportunityReopenedV1, envelope, { opportunityId, divisionId, stageId, probability, reopenedAt }),
      ];
    }
    case 'OpportunityStageChanged': {
      const { data } = event;
      return [
        eventOf(OpportunityStageChangedV1, envelope, {
          opportunityId: data.opportunityId,
          divisionId,
          pipelineId: data.pipelineId,
          fromStage: data.fromStage,
          toStage: data.toStage,
          probability: data.probability,
          amount: data.amount,
          changedAt: data.changedAt,
        }),
      ];
    }
    case 'OpportunityWon': {
      const { opportunityId, amount, channel, reason, wonAt } = event.data;
      return [
        eventOf(OpportunityWonV1, envelope, {
          opportunityId,
          divisionId,
          amount,
          ...channelFields(channel),
          ...(reason === undefined ? {} : { reason }),
          wonAt,
        }),
      ];
    }
    case 'OpportunityLost': {
      const { opportunityId, reason, lostAt } = event.data;
      return [eventOf(OpportunityLostV1, envelope, { opportunityId, divisionId, reason, lostAt })];
    }
  }
}
