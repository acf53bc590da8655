import type { CommandMetadata } from '@salesos/event-sourcing';
import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import type { AgreementCommand, AgreementTermsInput } from './agreement.commands';
import { agreementDecider } from './agreement.decider';
import { AgreementError, AgreementErrorCode } from './agreement.errors';
import type { AgreementEvent, AgreementTerms } from './agreement.events';

const now = '2026-03-10T12:00:00.000Z';
const metadata: CommandMetadata = { commandId: 'c1', now, divisionId: 'north' };
const command = <C extends AgreementCommand>(type: C['type'], data: C['data'], meta: CommandMetadata = metadata): C =>
  ({ type, data, metadata: meta }) as C;
const parties = { agreementId: 'agr-1', dealerId: 'dealer-1', divisionId: 'north' };
const terms: AgreementTerms = {
  discountPercent: 12.5,
  territories: ['north', 'east'],
  productGroups: ['presses'],
  exclusivity: true,
  exclusiveTerritories: ['north'],
  paymentTermsDays: 30,
  rebateProgrammeId: 'rebate-1',
};
const betterTerms: AgreementTerms = { ...terms, discountPercent: 15 };

const draftCommand = (
  effectiveFrom = '2026-01-01',
  expiresOn = '2026-12-31',
  termsInput: AgreementTermsInput = terms,
  data: Partial<typeof parties> = {},
) => command('DraftAgreementVersion', { ...parties, ...data, terms: termsInput, effectiveFrom, expiresOn });
const drafted = (
  version: number,
  effectiveFrom = '2026-01-01',
  expiresOn = '2026-12-31',
  versionTerms = terms,
): AgreementEvent => ({
  type: 'AgreementVersionDrafted',
  data: { ...parties, version, terms: versionTerms, effectiveFrom, expiresOn, draftedAt: now },
});
const sign = (version: number, signedOn = '2026-01-05') =>
  command('SignAgreementVersion', { version, signedBy: 'Dana Dealer', signedOn });
const signed = (
  version: number,
  signedOn = '2026-01-05',
  period: { effectiveFrom: string; expiresOn: string; terms?: AgreementTerms } = {
    effectiveFrom: '2026-01-01',
    expiresOn: '2026-12-31',
  },
): AgreementEvent => ({
  type: 'AgreementVersionSigned',
  data: { ...parties, version, terms, ...period, signedBy: 'Dana Dealer', signedOn, recordedAt: now },
});
const withdraw = (version: number) => command('WithdrawAgreementDraft', { version, reason: 'superseded by talks' });
const withdrawn = (version: number): AgreementEvent => ({
  type: 'AgreementDraftWithdrawn',
  data: { ...parties, version, reason: 'superseded by talks', withdrawnAt: now },
});
const renewed = (
  version: number,
  renews: number,
  effectiveFrom: string,
  expiresOn: string,
  versionTerms = terms,
): AgreementEvent => ({
  type: 'AgreementRenewed',
  data: { ...parties, version, renews, terms: versionTerms, effectiveFrom, expiresOn, renewedAt: now },
});
const terminate = (effectiveOn = '2026-06-01') => command('TerminateAgreement', { effectiveOn, reason: 'dealer sold' });
const terminated = (effectiveOn = '2026-06-01'): AgreementEvent => ({
  type: 'AgreementTerminated',
  data: { ...parties, effectiveOn, reason: 'dealer sold', terminatedAt: now },
});

const spec = DeciderSpecification.for(agreementDecider);
const refusal = (code: AgreementErrorCode, field?: string) => (error: Error) =>
  error instanceof AgreementError && error.code === code && (field === undefined || error.field === field);
const invalidAt = (field: string) => refusal(AgreementErrorCode.InvalidInput, field);
const signedV1 = [drafted(1), signed(1)];

describe('drafting an agreement version', () => {
  it('opens the agreement with its first version', () => {
    spec
      .given([])
      .when(draftCommand())
      .then([drafted(1)]);
  });

  it('makes every territory exclusive when exclusivity is given without a list', () => {
    const { exclusiveTerritories: _listed, ...unlisted } = terms;
    spec
      .given([])
      .when(draftCommand('2026-01-01', '2026-12-31', unlisted))
      .then([drafted(1, '2026-01-01', '2026-12-31', { ...terms, exclusiveTerritories: ['north', 'east'] })]);
  });

  it('numbers a later version after the ones before, to supersede the signed one from its day', () => {
    spec
      .given(signedV1)
      .when(draftCommand('2026-07-01', '2027-06-30', betterTerms))
      .then([drafted(2, '2026-07-01', '2027-06-30', betterTerms)]);
  });

  it('changes nothing when the same draft is asked for again', () => {
    spec
      .given([drafted(1)])
      .when(draftCommand())
      .thenNothingHappens();
  });

  it.each<[string, AgreementTermsInput, string]>([
    ['a discount above 100%', { ...terms, discountPercent: 101 }, 'terms.discountPercent'],
    ['a negative discount', { ...terms, discountPercent: -1 }, 'terms.discountPercent'],
    ['payment terms in part days', { ...terms, paymentTermsDays: 7.5 }, 'terms.paymentTermsDays'],
    ['a territory listed twice', { ...terms, territories: ['north', 'north'] }, 'terms.territories[1]'],
    ['a product group listed twice', { ...terms, productGroups: ['a', 'a'] }, 'terms.productGroups[1]'],
    ['exclusive territories without exclusivity', { ...terms, exclusivity: false }, 'terms.exclusiveTerritories'],
    [
      'exclusivity with no territory',
      { ...terms, territories: [], exclusiveTerritories: [] },
      'terms.exclusiveTerritories',
    ],
    [
      'an exclusive territory outside the territories',
      { ...terms, exclusiveTerritories: ['south'] },
      'terms.exclusiveTerritories[0]',
    ],
  ])('is refused with %s, naming the field', (_label, input, field) => {
    spec
      .given([])
      .when(draftCommand('2026-01-01', '2026-12-31', input))
      .thenThrows(AgreementError, invalidAt(field));
  });

  it.each([
    ['a day that does not exist', '2026-02-30', '2026-12-31', 'effectiveFrom'],
    ['an expiry on the effective day', '2026-01-01', '2026-01-01', 'expiresOn'],
    ['an expiry before the effective day', '2026-01-01', '2025-12-31', 'expiresOn'],
  ])('is refused with %s, naming the field', (_label, effectiveFrom, expiresOn, field) => {
    spec.given([]).when(draftCommand(effectiveFrom, expiresOn)).thenThrows(AgreementError, invalidAt(field));
  });

  it('is refused for a period overlapping an unsigned draft, naming that draft', () => {
    spec
      .given([drafted(1)])
      .when(draftCommand('2026-12-31', '2027-12-31'))
      .thenThrows(AgreementError, {
        code: AgreementErrorCode.OverlappingDraft,
        message: expect.stringContaining('draft version 1') as unknown,
      });
  });

  it('may overlap a withdrawn draft', () => {
    spec
      .given([drafted(1), withdrawn(1)])
      .when(draftCommand('2026-02-01', '2026-12-31'))
      .then([drafted(2, '2026-02-01', '2026-12-31')]);
  });

  it('is refused before a signed version takes effect, saying retroactive changes are not allowed', () => {
    spec
      .given(signedV1)
      .when(draftCommand('2025-12-31', '2026-12-31'))
      .thenThrows(
        AgreementError,
        (error) =>
          refusal(AgreementErrorCode.Retroactive)(error) &&
          error.message.includes('retroactive changes to an agreement are not allowed'),
      );
  });

  it('is refused once the agreement is terminated, naming that state', () => {
    spec
      .given([...signedV1, terminated()])
      .when(draftCommand('2026-07-01', '2027-06-30'))
      .thenThrows(AgreementError, {
        code: AgreementErrorCode.Terminated,
        message: expect.stringContaining('is terminated (from 2026-06-01)') as unknown,
      });
  });

  it('is refused for another dealer or division than the agreement names', () => {
    spec
      .given([drafted(1)])
      .when(draftCommand('2027-01-01', '2027-12-31', terms, { dealerId: 'dealer-2' }))
      .thenThrows(AgreementError, invalidAt('dealerId'));
    spec
      .given([drafted(1)])
      .when(draftCommand('2027-01-01', '2027-12-31', terms, { divisionId: 'south' }))
      .thenThrows(AgreementError, invalidAt('divisionId'));
  });

  it("is not found from another division's caller", () => {
    spec
      .given([drafted(1)])
      .when(
        command('DraftAgreementVersion', draftCommand('2027-01-01', '2027-12-31').data, {
          ...metadata,
          divisionId: 'south',
        }),
      )
      .thenThrows(AgreementError, refusal(AgreementErrorCode.NotFound));
  });
});

describe('signing a version', () => {
  it('makes the draft apply', () => {
    spec
      .given([drafted(1)])
      .when(sign(1))
      .then([signed(1)]);
  });

  it('changes nothing when signed again', () => {
    spec.given(signedV1).when(sign(1, '2026-01-09')).thenNothingHappens();
  });

  it('is refused for a version the agreement never had, naming the field', () => {
    spec
      .given([drafted(1)])
      .when(sign(2))
      .thenThrows(AgreementError, refusal(AgreementErrorCode.UnknownVersion, 'version'));
  });

  it('is refused for a withdrawn draft, naming that state', () => {
    spec
      .given([drafted(1), withdrawn(1)])
      .when(sign(1))
      .thenThrows(AgreementError, {
        code: AgreementErrorCode.VersionNotDraft,
        message: expect.stringContaining('was withdrawn') as unknown,
      });
  });

  it('is refused with a signing day that does not exist', () => {
    spec
      .given([drafted(1)])
      .when(sign(1, '2026-13-01'))
      .thenThrows(AgreementError, invalidAt('signedOn'));
  });

  it('is refused for a draft that would now apply before a version signed since', () => {
    spec
      .given([drafted(1, '2026-01-01', '2026-05-31'), drafted(2, '2026-06-01', '2026-12-31'), signed(2)])
      .when(sign(1))
      .thenThrows(AgreementError, refusal(AgreementErrorCode.Retroactive));
  });

  it('is refused on an agreement that does not exist', () => {
    spec.given([]).when(sign(1)).thenThrows(AgreementError, refusal(AgreementErrorCode.NotFound));
  });

  it('is refused once the agreement is terminated', () => {
    spec
      .given([drafted(1), terminated()])
      .when(sign(1))
      .thenThrows(AgreementError, refusal(AgreementErrorCode.Terminated));
  });
});

describe('withdrawing a draft', () => {
  it('records that it will not be signed', () => {
    spec
      .given([drafted(1)])
      .when(withdraw(1))
      .then([withdrawn(1)]);
  });

  it('changes nothing when withdrawn again', () => {
    spec
      .given([drafted(1), withdrawn(1)])
      .when(withdraw(1))
      .thenNothingHappens();
  });

  it('is refused for a signed version, naming that state', () => {
    spec
      .given(signedV1)
      .when(withdraw(1))
      .thenThrows(AgreementError, {
        code: AgreementErrorCode.VersionNotDraft,
        message: expect.stringContaining('is signed') as unknown,
      });
  });

  it('is refused for a version the agreement never had', () => {
    spec
      .given([drafted(1)])
      .when(withdraw(3))
      .thenThrows(AgreementError, refusal(AgreementErrorCode.UnknownVersion));
  });

  it('is refused once the agreement is terminated', () => {
    spec
      .given([drafted(1), terminated()])
      .when(withdraw(1))
      .thenThrows(AgreementError, refusal(AgreementErrorCode.Terminated));
  });
});

describe('renewing an agreement', () => {
  const renew = (data: Extract<AgreementCommand, { type: 'RenewAgreement' }>['data']) =>
    command('RenewAgreement', data);

  it('drafts the current terms again from the day after they expire', () => {
    spec
      .given(signedV1)
      .when(renew({ expiresOn: '2027-12-31' }))
      .then([renewed(2, 1, '2027-01-01', '2027-12-31')]);
  });

  it('may bring new terms from a given day', () => {
    spec
      .given(signedV1)
      .when(renew({ expiresOn: '2027-12-31', effectiveFrom: '2026-10-01', terms: betterTerms }))
      .then([renewed(2, 1, '2026-10-01', '2027-12-31', betterTerms)]);
  });

  it('renews the latest signed version', () => {
    spec
      .given([...signedV1, drafted(2, '2026-07-01', '2027-06-30', betterTerms), signed(2)])
      .when(renew({ expiresOn: '2028-06-30' }))
      .then([renewed(3, 2, '2027-07-01', '2028-06-30', betterTerms)]);
  });

  it('changes nothing when the same renewal is asked for again', () => {
    spec
      .given([...signedV1, renewed(2, 1, '2027-01-01', '2027-12-31')])
      .when(renew({ expiresOn: '2027-12-31' }))
      .thenNothingHappens();
  });

  it('is refused while a different renewal for the same days awaits signing', () => {
    spec
      .given([...signedV1, renewed(2, 1, '2027-01-01', '2027-12-31')])
      .when(renew({ expiresOn: '2028-12-31' }))
      .thenThrows(AgreementError, refusal(AgreementErrorCode.OverlappingDraft));
  });

  it('is refused with nothing signed to renew', () => {
    spec
      .given([drafted(1)])
      .when(renew({ expiresOn: '2027-12-31' }))
      .thenThrows(AgreementError, refusal(AgreementErrorCode.NothingToRenew));
  });

  it('is refused when the new expiry is not after the renewal takes effect', () => {
    spec
      .given(signedV1)
      .when(renew({ expiresOn: '2026-12-31' }))
      .thenThrows(AgreementError, invalidAt('expiresOn'));
  });

  it('is refused with invalid new terms, naming the field', () => {
    spec
      .given(signedV1)
      .when(renew({ expiresOn: '2027-12-31', terms: { ...terms, discountPercent: 150 } }))
      .thenThrows(AgreementError, invalidAt('terms.discountPercent'));
  });

  it('is refused from a day before the version it renews took effect', () => {
    spec
      .given(signedV1)
      .when(renew({ expiresOn: '2027-12-31', effectiveFrom: '2025-06-01' }))
      .thenThrows(AgreementError, refusal(AgreementErrorCode.Retroactive));
  });

  it('is refused once the agreement is terminated', () => {
    spec
      .given([...signedV1, terminated()])
      .when(renew({ expiresOn: '2027-12-31' }))
      .thenThrows(AgreementError, refusal(AgreementErrorCode.Terminated));
  });
});

describe('terminating an agreement', () => {
  it('ends its terms from the effective day', () => {
    spec.given(signedV1).when(terminate()).then([terminated()]);
  });

  it('changes nothing when terminated again from the same day', () => {
    spec
      .given([...signedV1, terminated()])
      .when(terminate())
      .thenNothingHappens();
  });

  it('is refused from another day once terminated, naming that state', () => {
    spec
      .given([...signedV1, terminated()])
      .when(terminate('2026-09-01'))
      .thenThrows(AgreementError, {
        code: AgreementErrorCode.Terminated,
        message: expect.stringContaining('terminated (from 2026-06-01)') as unknown,
      });
  });

  it('is refused with a day that does not exist', () => {
    spec.given(signedV1).when(terminate('2026-06-31')).thenThrows(AgreementError, invalidAt('effectiveOn'));
  });

  it('is refused on an agreement that does not exist', () => {
    spec.given([]).when(terminate()).thenThrows(AgreementError, refusal(AgreementErrorCode.NotFound));
  });
});

describe('the agreement events', () => {
  it('are valid against their schemas as decided', () => {
    const events = [drafted(1), signed(1), withdrawn(1), renewed(2, 1, '2027-01-01', '2027-12-31'), terminated()];
    for (const event of events) expect(() => agreementDecider.events.check(event)).not.toThrow();
  });
});
