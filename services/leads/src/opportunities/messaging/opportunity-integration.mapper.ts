import type { IntegrationEvent } from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';
import { leadsIntegrationEvent } from '../../shared/leads-integration-event';
import type { OpportunityEvent } from '../domain/opportunity.events';

/** Stage changes and outcomes are published; forecasts, products and channel changes stay inside for now. */
export function mapOpportunityEvent(recorded: RecordedEvent): IntegrationEvent[] {
  if (!recorded.metadata.streamId.startsWith('opportunity-')) return [];
  const event = recorded as unknown as OpportunityEvent;
  const { metadata } = recorded;
  const divisionId = metadata.divisionId ?? '';
  const envelope = (name: string, subject: string, data: Record<string, unknown>): IntegrationEvent[] =>
    leadsIntegrationEvent(recorded, name, subject, data);
  switch (event.type) {
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
    case 'OpportunityWon': {
      const { channel } = event.data;
      return envelope('OpportunityWon', event.data.opportunityId, {
        opportunityId: event.data.opportunityId,
        divisionId,
        amount: event.data.amount,
        channel: channel.kind,
        ...(channel.kind === 'dealer' ? { dealerId: channel.dealerId } : {}),
        wonAt: event.data.wonAt,
      });
    }
    case 'OpportunityLost':
      return envelope('OpportunityLost', event.data.opportunityId, {
        opportunityId: event.data.opportunityId,
        divisionId,
        reason: event.data.reason,
        lostAt: event.data.lostAt,
      });
    case 'OpportunityOpened':
    case 'OpportunityForecastRevised':
    case 'OpportunityProductsChanged':
    case 'OpportunityChannelAttributed':
    case 'OpportunityReopened':
      return [];
  }
}
