import { eventOf, type IntegrationEvent, TierChangedV1 } from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';
import { envelopeOf } from '@salesos/messaging';
import { tierRecordEvents } from '../domain/tier-record.events';

/**
 * What the world learns of a dealer's tier: each change that takes effect (assigned, confirmed after a review, or
 * corrected, naming the change it corrects). Proposals and rejected proposals stay inside the service.
 */
export function mapTierEvent(recorded: RecordedEvent): IntegrationEvent[] {
  if (!recorded.metadata.streamId.startsWith('dealertier-')) return [];
  const event = tierRecordEvents.decode(recorded);
  const envelope = envelopeOf(recorded);
  switch (event.type) {
    case 'TierAssigned': {
      const { data } = event;
      return [
        eventOf(TierChangedV1, envelope, {
          changeId: data.changeId,
          dealerId: data.dealerId,
          divisionId: data.divisionId,
          programmeId: data.programmeId,
          tierId: data.tierId,
          effectiveFrom: data.effectiveFrom,
          changedAt: data.assignedAt,
        }),
      ];
    }
    case 'TierChangeConfirmed': {
      const { data } = event;
      return [
        eventOf(TierChangedV1, envelope, {
          changeId: data.reviewId,
          dealerId: data.dealerId,
          divisionId: data.divisionId,
          programmeId: data.programmeId,
          tierId: data.tierId,
          previousTierId: data.fromTierId,
          effectiveFrom: data.effectiveFrom,
          changedAt: data.confirmedAt,
        }),
      ];
    }
    case 'TierCorrected': {
      const { data } = event;
      return [
        eventOf(TierChangedV1, envelope, {
          changeId: data.correctionId,
          dealerId: data.dealerId,
          divisionId: data.divisionId,
          programmeId: data.programmeId,
          tierId: data.tierId,
          previousTierId: data.previousTierId,
          effectiveFrom: data.effectiveFrom,
          corrects: data.corrects,
          reason: data.reason,
          changedAt: data.correctedAt,
        }),
      ];
    }
    case 'TierChangeProposed':
    case 'TierProposalRejected':
      return [];
  }
}
