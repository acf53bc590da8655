import type { IntegrationEvent } from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';
import { leadsIntegrationEvent } from '../../shared/leads-integration-event';
import type { LeadEvent } from '../domain/lead.events';

/**
 * What the world learns of a lead: capture, qualification, disqualification, assignment and conversion. Revised
 * details, scores, segment rematches, nurturing and merges stay inside the service.
 */
export function mapLeadEvent(recorded: RecordedEvent): IntegrationEvent[] {
  if (!recorded.metadata.streamId.startsWith('lead-')) return [];
  const event = recorded as unknown as LeadEvent;
  const { metadata } = recorded;
  const divisionId = metadata.divisionId ?? '';
  const envelope = (name: string, subject: string, data: Record<string, unknown>): IntegrationEvent[] =>
    leadsIntegrationEvent(recorded, name, subject, data);
  switch (event.type) {
    case 'LeadCaptured': {
      const { data } = event;
      return envelope('LeadCaptured', data.leadId, {
        leadId: data.leadId,
        divisionId: data.divisionId,
        source: data.source,
        ...(data.campaign ? { campaign: data.campaign } : {}),
        companyName: data.company.name,
        ...(data.company.industry ? { industry: data.company.industry } : {}),
        ...(data.territory ? { territory: data.territory } : {}),
        ...(data.estimatedValue ? { estimatedValue: data.estimatedValue } : {}),
        segmentIds: data.segmentIds,
        capturedAt: data.capturedAt,
      });
    }
    case 'LeadQualified':
      return envelope('LeadQualified', event.data.leadId, {
        leadId: event.data.leadId,
        divisionId,
        score: event.data.score,
        qualifiedAt: event.data.qualifiedAt,
      });
    case 'LeadDisqualified':
      return envelope('LeadDisqualified', event.data.leadId, {
        leadId: event.data.leadId,
        divisionId,
        reason: event.data.reason,
        disqualifiedAt: event.data.disqualifiedAt,
      });
    case 'LeadAssigned':
      return envelope('LeadAssigned', event.data.leadId, {
        leadId: event.data.leadId,
        divisionId,
        repId: event.data.repId,
        ...(event.data.previousRepId ? { previousRepId: event.data.previousRepId } : {}),
        rule: event.data.rule.kind,
        ...(event.data.rule.teamId ? { teamId: event.data.rule.teamId } : {}),
        assignedAt: event.data.assignedAt,
      });
    case 'LeadConverted':
      return envelope('LeadConverted', event.data.leadId, {
        leadId: event.data.leadId,
        divisionId,
        opportunityId: event.data.opportunityId,
        convertedAt: event.data.convertedAt,
      });
    case 'LeadDetailsRevised':
    case 'LeadScored':
    case 'LeadSegmentsMatched':
    case 'LeadNurtured':
    case 'LeadMerged':
      return [];
  }
}
