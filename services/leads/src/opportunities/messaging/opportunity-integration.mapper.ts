import type { IntegrationEvent } from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';
import { leadsIntegrationEvent } from '../../shared/leads-integration-event';
import type { ChannelAttribution, OpportunityEvent } from '../domain/opportunity.events';

const day = (date: string): string => date.slice(0, 10);
const channelFields = (channel: ChannelAttribution) => ({
  channel: channel.kind,
  ...(channel.kind === 'dealer' ? { dealerId: channel.dealerId } : {}),
});

/** The whole life of an opportunity is published: reporting rebuilds the pipeline, forecasts and outcomes from it. */
export function mapOpportunityEvent(recorded: RecordedEvent): IntegrationEvent[] {
  if (!recorded.metadata.streamId.startsWith('opportunity-')) return [];
  const event = recorded as unknown as OpportunityEvent;
  const { metadata } = recorded;
  const divisionId = metadata.divisionId ?? '';
  const envelope = (name: string, subject: string, data: Record<string, unknown>): IntegrationEvent[] =>
    leadsIntegrationEvent(recorded, name, subject, data);
  switch (event.type) {
    case 'OpportunityOpened': {
      const { data } = event;
      return envelope('OpportunityOpened', data.opportunityId, {
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
      });
    }
    case 'OpportunityForecastRevised':
      return envelope('OpportunityForecastRevised', event.data.opportunityId, {
        opportunityId: event.data.opportunityId,
        divisionId,
        amount: event.data.amount,
        expectedCloseDate: day(event.data.expectedCloseDate),
        previousAmount: event.data.previousAmount,
        previousExpectedCloseDate: day(event.data.previousExpectedCloseDate),
        effectiveAt: event.data.effectiveAt,
      });
    case 'OpportunityProductsChanged':
      return envelope('OpportunityProductsChanged', event.data.opportunityId, {
        opportunityId: event.data.opportunityId,
        divisionId,
        products: event.data.products,
        changedAt: event.data.changedAt,
      });
    case 'OpportunityChannelAttributed':
      return envelope('OpportunityChannelAttributed', event.data.opportunityId, {
        opportunityId: event.data.opportunityId,
        divisionId,
        ...channelFields(event.data.channel),
        attributedAt: event.data.attributedAt,
      });
    case 'OpportunityReopened':
      return envelope('OpportunityReopened', event.data.opportunityId, {
        opportunityId: event.data.opportunityId,
        divisionId,
        stageId: event.data.stageId,
        probability: event.data.probability,
        reopenedAt: event.data.reopenedAt,
      });
    case 'OpportunityStageChanged':
      return envelope('OpportunityStageChanged', event.data.opportunityId, {
        opportunityId: event.data.opportunityId,
        divisionId,
        pipelineId: event.data.pipelineId,
        fromStage: event.data.fromStage,
        toStage: event.data.toStage,
        probability: event.data.probability,
        amount: event.data.amount,
        changedAt: event.data.changedAt,
      });
    case 'OpportunityWon':
      return envelope('OpportunityWon', event.data.opportunityId, {
        opportunityId: event.data.opportunityId,
        divisionId,
        amount: event.data.amount,
        ...channelFields(event.data.channel),
        wonAt: event.data.wonAt,
      });
    case 'OpportunityLost':
      return envelope('OpportunityLost', event.data.opportunityId, {
        opportunityId: event.data.opportunityId,
        divisionId,
        reason: event.data.reason,
        lostAt: event.data.lostAt,
      });
  }
}
