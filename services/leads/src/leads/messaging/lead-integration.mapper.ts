import {
  eventOf,
  type IntegrationEvent,
  LeadAssignedV1,
  LeadCapturedV1,
  LeadConvertedV1,
  LeadDisqualifiedV1,
  LeadQualifiedV1,
} from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';
import { envelopeOf } from '@salesos/messaging';
import { leadEvents } from '../domain/lead.events';

/**
 * What the world learns of a lead: capture, qualification, disqualification, assignment and conversion. Revised
 * details, scores, segment rematches, nurturing and merges stay inside the service.
 */
export function mapLeadEvent(recorded: RecordedEvent): IntegrationEvent[] {
  if (!recorded.metadata.streamId.startsWith('lead-')) return [];
  const event = leadEvents.decode(recorded);
  const divisionId = recorded.metadata.divisionId ?? '';
  const envelope = envelopeOf(recorded);
  switch (event.type) {
    case 'LeadCaptured': {
      const { data } = event;
      return [
        eventOf(LeadCapturedV1, envelope, {
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
        }),
      ];
    }
    case 'LeadQualified': {
      const { leadId, score, qualifiedAt } = event.data;
      return [eventOf(LeadQualifiedV1, envelope, { leadId, divisionId, score, qualifiedAt })];
    }
    case 'LeadDisqualified': {
      const { leadId, reason, disqualifiedAt } = event.data;
      return [eventOf(LeadDisqualifiedV1, envelope, { leadId, divisionId, reason, disqualifiedAt })];
    }
    case 'LeadAssigned': {
      const { data } = event;
      return [
        eventOf(LeadAssignedV1, envelope, {
          leadId: data.leadId,
          divisionId,
          repId: data.repId,
          ...(data.previousRepId ? { previousRepId: data.previousRepId } : {}),
          rule: data.rule.kind,
          ...(data.rule.teamId ? { teamId: data.rule.teamId } : {}),
          assignedAt: data.assignedAt,
        }),
      ];
    }
    case 'LeadConverted': {
      const { leadId, opportunityId, convertedAt } = event.data;
      return [eventOf(LeadConvertedV1, envelope, { leadId, divisionId, opportunityId, convertedAt })];
    }
    case 'LeadDetailsRevised':
    case 'LeadScored':
    case 'LeadSegmentsMatched':
    case 'LeadNurtured':
    case 'LeadMerged':
      return [];
  }
}
