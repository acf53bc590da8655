import { AgreementVersionSignedV1, eventOf, type IntegrationEvent } from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';
import { envelopeOf } from '@salesos/messaging';
import { agreementEvents } from '../domain/agreement.events';

/**
 * What the world learns of an agreement: each version as it is signed. Drafts, renewals (drafts too), withdrawals and
 * terminations stay inside the service. The signing event names the version but not its period or terms (those are
 * on the draft), so the published event leaves them out (they are optional in the contract).
 */
export function mapAgreementEvent(recorded: RecordedEvent): IntegrationEvent[] {
  if (!recorded.metadata.streamId.startsWith('agreement-')) return [];
  const event = agreementEvents.decode(recorded);
  const envelope = envelopeOf(recorded);
  switch (event.type) {
    case 'AgreementVersionSigned': {
      const { agreementId, divisionId, dealerId, version, signedOn, recordedAt } = event.data;
      return [
        eventOf(AgreementVersionSignedV1, envelope, {
          agreementId,
          divisionId,
          dealerId,
          version,
          signedOn,
          signedAt: recordedAt,
        }),
      ];
    }
    case 'AgreementVersionDrafted':
    case 'AgreementRenewed':
    case 'AgreementDraftWithdrawn':
    case 'AgreementTerminated':
      return [];
  }
}
