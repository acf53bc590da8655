import type { Command } from '@salesos/event-sourcing';
import type { AgreementTerms } from './agreement.events';

/** Terms as a request gives them: `exclusiveTerritories` left out means all of `territories` when exclusive. */
export type AgreementTermsInput = Omit<AgreementTerms, 'exclusiveTerritories'> & { exclusiveTerritories?: string[] };

/** The first draft opens the agreement; later ones must name the same dealer and division. */
export type DraftAgreementVersion = Command<
  'DraftAgreementVersion',
  {
    agreementId: string;
    dealerId: string;
    divisionId: string;
    terms: AgreementTermsInput;
    effectiveFrom: string;
    expiresOn: string;
  }
>;
export type SignAgreementVersion = Command<
  'SignAgreementVersion',
  { version: number; signedBy: string; signedOn: string }
>;
export type WithdrawAgreementDraft = Command<'WithdrawAgreementDraft', { version: number; reason: string }>;
/**
 * Renews the latest signed version until `expiresOn`: with its terms unless new ones are given, from the day after it
 * expires unless `effectiveFrom` is given. The renewal is a new version, to be signed.
 */
export type RenewAgreement = Command<
  'RenewAgreement',
  { expiresOn: string; terms?: AgreementTermsInput; effectiveFrom?: string }
>;
export type TerminateAgreement = Command<'TerminateAgreement', { effectiveOn: string; reason: string }>;

export type AgreementCommand =
  DraftAgreementVersion | SignAgreementVersion | WithdrawAgreementDraft | RenewAgreement | TerminateAgreement;
