import { AgreementTerminatedV1, AgreementVersionSignedV1, eventOf, type IntegrationEvent } from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';
import { envelopeOf } from '@salesos/messaging';
import { agreementEvents } from '../domain/agreement.events';

/**
 * What the world learns of an agreement: each version as it is signed, and its early end. Drafts, renewals (drafts
 * too) and withdrawals stay inside the service. The signed version's period and terms travel with it.
 */
export function mapAgreementEvent(recorded: RecordedEvent): IntegrationEvent[] {
  if (!recorded.metadata.streamId.startsWith('agreement-')) return [];
  const event = agreementEvents.decode(recorded);
  const envelope = envelopeOf(recorded);
  switch (event.type) {
    case 'AgreementVersionSigned': {
      const { agreementId, divisionId, dealerId, version, effectiveFrom, expiresOn, terms, signedOn, recordedAt } =
        event.data;
      return [
        eventOf(AgreementVersionSignedV1, envelope, {
          agreementId,
          divisionId,
          dealerId,
          version,
          effectiveFrom,
          expiresOn,
          terms,
          signedOn,
          signedAt: recordedAt,
        }),
      ];
    }
    case 'AgreementTerminated': {
      const { agreementId, divisionId, dealerId, effectiveOn, reason, terminatedAt } = event.data;
      return [
        eventOf(AgreementTerminatedV1, envelope, {
          agreementId,
          divisionId,
          dealerId,
          effectiveOn,
          reason,
          terminatedAt,
        }),
      ];
    }
    case 'AgreementVersionDrafted':
    case 'AgreementRenewed':
    case 'AgreementDraftWithdrawn':
      return [];
  }
}
