import type { Decider } from '@salesos/event-sourcing';
import { isCalendarDay } from '@salesos/kernel';
import { addDays } from './calendar-days';
import type { AgreementCommand, AgreementTermsInput } from './agreement.commands';
import { AgreementError, AgreementErrorCode } from './agreement.errors';
import { type AgreementEvent, agreementEvents, type AgreementTerms } from './agreement.events';

/** One version of the terms, for its period. */
export interface AgreementVersion {
  version: number;
  terms: AgreementTerms;
  effectiveFrom: string;
  expiresOn: string;
  /** The version a renewal renews. */
  renews?: number;
}

export interface SignedAgreementVersion extends AgreementVersion {
  signedBy: string;
  signedOn: string;
}

export interface Agreement {
  status: 'open' | 'terminated';
  agreementId: string;
  dealerId: string;
  divisionId: string;
  /** Versions drafted or renewed and not yet signed nor withdrawn. */
  drafts: AgreementVersion[];
  /**
   * Signed versions by effective day, in signing order on the same day. No version may be signed to apply before one
   * signed earlier, so the last one that has started is the one in force.
   */
  signed: SignedAgreementVersion[];
  withdrawn: number[];
  /** The highest version number given so far: the next one is one more. */
  lastVersion: number;
  termination?: { effectiveOn: string; reason: string };
}

export type AgreementState = { status: 'none' } | Agreement;

function existing(state: AgreementState, command: AgreementCommand): Agreement {
  const division = command.metadata.divisionId;
  if (state.status === 'none' || (division !== undefined && division !== state.divisionId)) {
    throw new AgreementError(AgreementErrorCode.NotFound, 'No agreement with this id in your division');
  }
  return state;
}

function open(agreement: Agreement): void {
  if (agreement.status === 'terminated') {
    throw new AgreementError(
      AgreementErrorCode.Terminated,
      `Agreement ${agreement.agreementId} is terminated (from ${agreement.termination?.effectiveOn}): it takes no further change`,
    );
  }
}

const invalid = (field: string, message: string): AgreementError =>
  new AgreementError(AgreementErrorCode.InvalidInput, message, field);

function unique(values: readonly string[], field: string): void {
  const at = values.findIndex((value, index) => values.indexOf(value) !== index);
  if (at !== -1) throw invalid(`${field}[${at}]`, `lists '${values[at]}' a second time`);
}

/** Terms that hold together, with the exclusive territories spelled out; fields are named under `prefix`. */
function checkTerms(input: AgreementTermsInput, prefix: string): AgreementTerms {
  if (!Number.isFinite(input.discountPercent) || input.discountPercent < 0 || input.discountPercent > 100) {
    throw invalid(`${prefix}.discountPercent`, 'A discount is a percentage from 0 to 100');
  }
  if (!Number.isInteger(input.paymentTermsDays) || input.paymentTermsDays < 0 || input.paymentTermsDays > 365) {
    throw invalid(`${prefix}.paymentTermsDays`, 'Payment terms are a whole number of days from 0 to 365');
  }
  unique(input.territories, `${prefix}.territories`);
  unique(input.productGroups, `${prefix}.productGroups`);
  const exclusiveField = `${prefix}.exclusiveTerritories`;
  const exclusive = input.exclusiveTerritories ?? (input.exclusivity ? input.territories : []);
  if (!input.exclusivity && exclusive.length > 0) {
    throw invalid(exclusiveField, 'Exclusive territories need exclusivity');
  }
  if (input.exclusivity && exclusive.length === 0) {
    throw invalid(exclusiveField, 'Exclusivity needs at least one territory to be exclusive in');
  }
  unique(exclusive, exclusiveField);
  const strangerAt = exclusive.findIndex((territory) => !input.territories.includes(territory));
  if (strangerAt !== -1) {
    throw invalid(
      `${exclusiveField}[${strangerAt}]`,
      `'${exclusive[strangerAt]}' is not one of the agreement's territories`,
    );
  }
  return {
    discountPercent: input.discountPercent,
    territories: input.territories,
    productGroups: input.productGroups,
    exclusivity: input.exclusivity,
    exclusiveTerritories: exclusive,
    paymentTermsDays: input.paymentTermsDays,
    ...(input.rebateProgrammeId === undefined ? {} : { rebateProgrammeId: input.rebateProgrammeId }),
  };
}

function checkDay(day: string, field: string): void {
  if (!isCalendarDay(day)) throw invalid(field, `'${day}' is not a calendar day (YYYY-MM-DD)`);
}

function checkPeriod(effectiveFrom: string, expiresOn: string): void {
  checkDay(effectiveFrom, 'effectiveFrom');
  checkDay(expiresOn, 'expiresOn');
  if (expiresOn <= effectiveFrom) {
    throw invalid('expiresOn', `A version must expire after it takes effect (${effectiveFrom})`);
  }
}

/** Agreed terms are not rewritten: a version may only take over on or after the day the latest signed one did. */
function notRetroactive(agreement: Agreement, effectiveFrom: string): void {
  const latest = agreement.signed.at(-1);
  if (latest !== undefined && effectiveFrom < latest.effectiveFrom) {
    throw new AgreementError(
      AgreementErrorCode.Retroactive,
      `A version effective ${effectiveFrom} would apply before signed version ${latest.version} (effective ` +
        `${latest.effectiveFrom}): retroactive changes to an agreement are not allowed; make the new version ` +
        `effective on or after ${latest.effectiveFrom}`,
    );
  }
}

const sameVersion = (a: Omit<AgreementVersion, 'version'>, b: Omit<AgreementVersion, 'version'>): boolean =>
  a.effectiveFrom === b.effectiveFrom &&
  a.expiresOn === b.expiresOn &&
  a.renews === b.renews &&
  JSON.stringify(a.terms) === JSON.stringify(b.terms);

/**
 * Whether the proposed version is already a pending draft (a repeat: nothing to do), refusing one whose period
 * overlaps another draft's: two unsigned proposals for the same days would leave open which one is meant.
 */
function alreadyDrafted(agreement: Agreement, proposed: Omit<AgreementVersion, 'version'>): boolean {
  if (agreement.drafts.some((draft) => sameVersion(draft, proposed))) return true;
  const overlapping = agreement.drafts.find(
    (draft) => draft.effectiveFrom <= proposed.expiresOn && proposed.effectiveFrom <= draft.expiresOn,
  );
  if (overlapping !== undefined) {
    throw new AgreementError(
      AgreementErrorCode.OverlappingDraft,
      `Unsigned draft version ${overlapping.version} already covers ${overlapping.effectiveFrom} to ` +
        `${overlapping.expiresOn}: sign or withdraw it first`,
    );
  }
  return false;
}

/** The pending draft a command names; a signed, withdrawn or unknown version is refused. */
function draftOf(agreement: Agreement, version: number): AgreementVersion {
  const draft = agreement.drafts.find((candidate) => candidate.version === version);
  if (draft !== undefined) return draft;
  const name = `Version ${version} of agreement ${agreement.agreementId}`;
  if (agreement.withdrawn.includes(version)) {
    throw new AgreementError(AgreementErrorCode.VersionNotDraft, `${name} was withdrawn`);
  }
  if (agreement.signed.some((signed) => signed.version === version)) {
    throw new AgreementError(
      AgreementErrorCode.VersionNotDraft,
      `${name} is signed: versions are never edited, a later version supersedes it`,
    );
  }
  throw new AgreementError(
    AgreementErrorCode.UnknownVersion,
    `Agreement ${agreement.agreementId} has no version ${version}`,
    'version',
  );
}

/** Keeps signed versions ordered by effective day, a later signature after an earlier one on the same day. */
function insertSigned(signed: SignedAgreementVersion[], version: SignedAgreementVersion): SignedAgreementVersion[] {
  let at = signed.length;
  while (at > 0 && (signed[at - 1] as SignedAgreementVersion).effectiveFrom > version.effectiveFrom) at -= 1;
  return [...signed.slice(0, at), version, ...signed.slice(at)];
}

/** The cooperation terms between the company and one dealer, as effective-dated versions that apply once signed. */
export const agreementDecider: Decider<AgreementState, AgreementCommand, AgreementEvent> = {
  events: agreementEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state): AgreementEvent[] {
    const now = command.metadata.now;
    if (command.type === 'DraftAgreementVersion') {
      const { agreementId, dealerId, divisionId, effectiveFrom, expiresOn } = command.data;
      if (state.status !== 'none') {
        const agreement = existing(state, command);
        open(agreement);
        if (dealerId !== agreement.dealerId) {
          throw invalid('dealerId', `Agreement ${agreementId} is with dealer ${agreement.dealerId}`);
        }
        if (divisionId !== agreement.divisionId) {
          throw invalid('divisionId', `Agreement ${agreementId} belongs to division ${agreement.divisionId}`);
        }
      }
      const terms = checkTerms(command.data.terms, 'terms');
      checkPeriod(effectiveFrom, expiresOn);
      if (state.status !== 'none') {
        notRetroactive(state, effectiveFrom);
        if (alreadyDrafted(state, { terms, effectiveFrom, expiresOn })) return [];
      }
      const version = state.status === 'none' ? 1 : state.lastVersion + 1;
      return [
        {
          type: 'AgreementVersionDrafted',
          data: { agreementId, dealerId, divisionId, version, terms, effectiveFrom, expiresOn, draftedAt: now },
        },
      ];
    }
    const agreement = existing(state, command);
    if (command.type !== 'TerminateAgreement') open(agreement);
    const parties = {
      agreementId: agreement.agreementId,
      dealerId: agreement.dealerId,
      divisionId: agreement.divisionId,
    };
    switch (command.type) {
      case 'SignAgreementVersion': {
        const { version, signedBy, signedOn } = command.data;
        if (agreement.signed.some((signed) => signed.version === version)) return [];
        const draft = draftOf(agreement, version);
        checkDay(signedOn, 'signedOn');
        notRetroactive(agreement, draft.effectiveFrom);
        const { effectiveFrom, expiresOn, terms } = draft;
        return [
          {
            type: 'AgreementVersionSigned',
            data: { ...parties, version, effectiveFrom, expiresOn, terms, signedBy, signedOn, recordedAt: now },
          },
        ];
      }
      case 'WithdrawAgreementDraft': {
        const { version, reason } = command.data;
        if (agreement.withdrawn.includes(version)) return [];
        draftOf(agreement, version);
        return [{ type: 'AgreementDraftWithdrawn', data: { ...parties, version, reason, withdrawnAt: now } }];
      }
      case 'RenewAgreement': {
        const current = agreement.signed.at(-1);
        if (current === undefined) {
          throw new AgreementError(
            AgreementErrorCode.NothingToRenew,
            `Agreement ${agreement.agreementId} has no signed version to renew: sign a draft first`,
          );
        }
        const terms = command.data.terms === undefined ? current.terms : checkTerms(command.data.terms, 'terms');
        const { expiresOn } = command.data;
        const effectiveFrom = command.data.effectiveFrom ?? addDays(current.expiresOn, 1);
        checkPeriod(effectiveFrom, expiresOn);
        notRetroactive(agreement, effectiveFrom);
        if (alreadyDrafted(agreement, { terms, effectiveFrom, expiresOn, renews: current.version })) return [];
        return [
          {
            type: 'AgreementRenewed',
            data: {
              ...parties,
              version: agreement.lastVersion + 1,
              renews: current.version,
              terms,
              effectiveFrom,
              expiresOn,
              renewedAt: now,
            },
          },
        ];
      }
      case 'TerminateAgreement': {
        const { effectiveOn, reason } = command.data;
        // Terminating again on the same day asks for what is already true; any other day would move an ending.
        if (agreement.termination?.effectiveOn === effectiveOn) return [];
        open(agreement);
        checkDay(effectiveOn, 'effectiveOn');
        return [{ type: 'AgreementTerminated', data: { ...parties, effectiveOn, reason, terminatedAt: now } }];
      }
    }
  },

  evolve(state, event): AgreementState {
    if (state.status === 'none') {
      if (event.type !== 'AgreementVersionDrafted') return state;
      const { agreementId, dealerId, divisionId } = event.data;
      const opened: Agreement = {
        status: 'open',
        agreementId,
        dealerId,
        divisionId,
        drafts: [],
        signed: [],
        withdrawn: [],
        lastVersion: 0,
      };
      return agreementDecider.evolve(opened, event);
    }
    switch (event.type) {
      case 'AgreementVersionDrafted':
      case 'AgreementRenewed': {
        const { version, terms, effectiveFrom, expiresOn } = event.data;
        const renews = event.type === 'AgreementRenewed' ? { renews: event.data.renews } : {};
        return {
          ...state,
          drafts: [...state.drafts, { version, terms, effectiveFrom, expiresOn, ...renews }],
          lastVersion: Math.max(state.lastVersion, version),
        };
      }
      case 'AgreementVersionSigned': {
        const draft = state.drafts.find((candidate) => candidate.version === event.data.version);
        if (draft === undefined) return state;
        const { signedBy, signedOn } = event.data;
        return {
          ...state,
          drafts: state.drafts.filter((candidate) => candidate !== draft),
          signed: insertSigned(state.signed, { ...draft, signedBy, signedOn }),
        };
      }
      case 'AgreementDraftWithdrawn':
        return {
          ...state,
          drafts: state.drafts.filter((candidate) => candidate.version !== event.data.version),
          withdrawn: [...state.withdrawn, event.data.version],
        };
      case 'AgreementTerminated':
        return {
          ...state,
          status: 'terminated',
          termination: { effectiveOn: event.data.effectiveOn, reason: event.data.reason },
        };
    }
  },
};
