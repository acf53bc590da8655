import type { IntegrationEvent } from '@salesos/contracts';
import { SampleStream } from '@salesos/event-sourcing';
import { agreementDecider } from './agreements';
import { mapChannelsIntegrationEvents } from './channels-publishing';
import { dealerDecider } from './dealers';
import { fundBudgetStreamId, fundDecider } from './funds';
import { dealerPlanStreamId, planDecider } from './plans';
import { registrationDecider } from './registrations';
import { type TierProgrammeDefinition, tierRecordDecider } from './tiers';

const divisionId = 'machines';
const dealerId = 'dealer-4';
const caller = { divisionId, actor: { userId: 'manager-machines', roles: ['division-manager'] } };

const criteria = (revenue: number, people: number, winRate: number) => ({
  minRevenueLast12Months: { amount: revenue, currency: 'EUR' },
  minCertifiedPeople: people,
  minRegistrationWinRate: winRate,
});
const programme: TierProgrammeDefinition = {
  programmeId: 'partner-programme',
  divisionId,
  name: 'Machines partner programme',
  tiers: [
    { tierId: 'silver', name: 'Silver', criteria: criteria(0, 0, 0) },
    { tierId: 'gold', name: 'Gold', criteria: criteria(500_000, 3, 0.3) },
  ],
};
const terms = {
  discountPercent: 18,
  territories: ['south', 'south-west'],
  productGroups: ['presses', 'service'],
  exclusivity: true,
  exclusiveTerritories: ['south'],
  paymentTermsDays: 30,
  rebateProgrammeId: 'rebate-2026',
};
const eur = (amount: number) => ({ amount, currency: 'EUR' });

/**
 * What the channels service publishes today, produced by its own deciders and mappers for a story that sets every
 * optional field they carry: the compatibility check validates each against every released schema of its message
 * version.
 */
export function channelsContractSamples(): IntegrationEvent[] {
  const dealer = new SampleStream(dealerDecider, `dealer-${dealerId}`, caller)
    .run(
      {
        type: 'ApplyAsDealer',
        data: {
          dealerId,
          divisionId,
          companyName: 'Vogel Industrievertrieb GmbH',
          contactEmail: 'vertrieb@vogel.example',
          channelId: 'dealer-network',
          channelKind: 'dealer',
          territories: ['south'],
          productGroups: ['presses'],
          appliedBy: 'manager-machines',
        },
      },
      '2026-02-02T09:00:00.000Z',
    )
    .run({ type: 'ApproveApplication', data: {} }, '2026-02-03T09:00:00.000Z');
  const onboarding = dealer.current();
  for (const requirement of onboarding.status === 'none' ? [] : onboarding.requirements)
    dealer.run(
      {
        type: 'TickRequirement',
        data: { requirementId: requirement.requirementId, evidence: 'on file', tickedBy: 'manager-machines' },
      },
      '2026-02-20T09:00:00.000Z',
    );
  dealer
    .run({ type: 'ActivateDealer', data: {} }, '2026-03-02T09:00:00.000Z')
    .run({ type: 'SuspendDealer', data: { reason: 'overdue payments' } }, '2026-09-14T10:00:00.000Z')
    .run({ type: 'ReinstateDealer', data: {} }, '2026-09-20T10:00:00.000Z')
    .run(
      { type: 'TerminateDealer', data: { reason: 'the dealer retires', effectiveDay: '2026-12-31' } },
      '2026-10-01T08:00:00.000Z',
    );
  const agreement = new SampleStream(agreementDecider, 'agreement-agreement-4', caller)
    .run(
      {
        type: 'DraftAgreementVersion',
        data: {
          agreementId: 'agreement-4',
          dealerId,
          divisionId,
          terms,
          effectiveFrom: '2026-04-01',
          expiresOn: '2027-03-31',
        },
      },
      '2026-02-25T09:00:00.000Z',
    )
    .run(
      { type: 'SignAgreementVersion', data: { version: 1, signedBy: 'Jana Vogel', signedOn: '2026-03-01' } },
      '2026-03-02T11:00:00.000Z',
    )
    .run(
      { type: 'TerminateAgreement', data: { effectiveOn: '2026-11-01', reason: 'the dealer retires' } },
      '2026-10-01T08:00:00.000Z',
    );
  const tier = new SampleStream(tierRecordDecider, `dealertier-${dealerId}`, caller)
    .run(
      {
        type: 'AssignTier',
        data: {
          programme,
          changeId: 'tier-initial',
          dealerId,
          divisionId,
          tierId: 'silver',
          effectiveFrom: '2026-03-02',
          assignedBy: 'manager-machines',
        },
      },
      '2026-03-02T09:00:00.000Z',
    )
    .run(
      {
        type: 'ProposeTierChange',
        data: {
          programme,
          reviewId: 'tier-review-1',
          figures: { revenue12m: eur(650_000), certifiedPeople: 4, registrationWinRate: 0.4 },
        },
      },
      '2026-06-30T09:00:00.000Z',
    )
    .run(
      {
        type: 'ConfirmTierChange',
        data: { reviewId: 'tier-review-1', confirmedBy: 'manager-machines', effectiveFrom: '2026-07-01' },
      },
      '2026-06-30T10:00:00.000Z',
    )
    .run(
      {
        type: 'CorrectTier',
        data: {
          programme,
          correctionId: 'tier-correction-2',
          corrects: 'tier-review-1',
          tierId: 'silver',
          reason: 'the revenue counted a cancelled order',
          correctedBy: 'manager-machines',
        },
      },
      '2026-07-20T09:00:00.000Z',
    );
  const plan = new SampleStream(planDecider, dealerPlanStreamId(dealerId, '2026-Q3'), caller).run(
    {
      type: 'SetDealerPlan',
      data: {
        dealerId,
        divisionId,
        period: '2026-Q3',
        value: eur(400_000),
        units: 12,
        productMix: [
          { productGroup: 'presses', value: eur(360_000), units: 8 },
          { productGroup: 'service', value: eur(40_000), units: 4 },
        ],
        setBy: 'manager-machines',
        reason: 'the dealer plan for the third quarter',
      },
    },
    '2026-06-20T14:00:00.000Z',
  );
  const fund = new SampleStream(fundDecider, fundBudgetStreamId(dealerId, '2026'), caller)
    .run(
      {
        type: 'AllocateFundBudget',
        data: { dealerId, divisionId, period: '2026', amount: eur(20_000), allocatedBy: 'manager-machines' },
      },
      '2026-01-10T09:00:00.000Z',
    )
    .run(
      {
        type: 'RequestFunds',
        data: {
          requestId: 'fund-request-3',
          amount: eur(5_000),
          purpose: 'a stand at the regional fair',
          requestedBy: 'dealer-4-user',
        },
      },
      '2026-05-02T09:00:00.000Z',
    )
    .run(
      {
        type: 'ApproveFundRequest',
        data: { requestId: 'fund-request-3', approvedBy: 'manager-machines', approvedAmount: eur(5_000) },
      },
      '2026-05-04T09:00:00.000Z',
    )
    .run(
      {
        type: 'ClaimFunds',
        data: { requestId: 'fund-request-3', claimedAmount: eur(4_500), proof: ['INV-2026-0815'] },
      },
      '2026-08-01T09:00:00.000Z',
    )
    .run(
      {
        type: 'PayFundClaim',
        data: { requestId: 'fund-request-3', paidAt: '2026-08-14T00:00:00.000Z', reference: 'TRF-2026-0815' },
      },
      '2026-08-15T09:30:00.000Z',
    );
  const registrations = registrationSamples();
  return [dealer, agreement, tier, plan, fund, ...registrations]
    .flatMap((stream) => stream.recorded)
    .flatMap(mapChannelsIntegrationEvents);
}

const rule =
  'first come: a deal belongs to whoever registered the company first; an open lead or opportunity counts as registered';

/**
 * Four registrations of the dealer: one accepted with every link the answer may give and won, one in conflict, one
 * that lapses, one whose deal is lost.
 */
function registrationSamples() {
  const submitted = (registrationId: string, companyName: string) =>
    new SampleStream(registrationDecider, `registration-${registrationId}`, caller).run(
      {
        type: 'SubmitRegistration',
        data: {
          registrationId,
          divisionId,
          dealerId,
          companyName,
          contactEmail: 'einkauf@brandt.example',
          productGroup: 'presses',
          estimatedValue: eur(120_000),
          submittedBy: 'dealer-4-user',
        },
      },
      '2026-04-25T07:55:00.000Z',
    );
  const accepted = (registrationId: string, companyName: string) =>
    submitted(registrationId, companyName).run(
      {
        type: 'RecordRegistrationAnswer',
        data: { answer: 'accepted', rule, decidedAt: '2026-04-25T08:00:00.000Z' },
      },
      '2026-04-25T08:00:01.000Z',
    );
  const won = submitted('registration-17', 'Brandt Maschinenbau AG')
    .run(
      {
        type: 'RecordRegistrationAnswer',
        data: {
          answer: 'accepted',
          rule,
          leadId: 'lead-17',
          opportunityId: 'opportunity-17',
          expiresOn: '2026-07-24',
          decidedAt: '2026-04-25T08:00:00.000Z',
        },
      },
      '2026-04-25T08:00:01.000Z',
    )
    .run(
      {
        type: 'RecordRegistrationProgress',
        data: { opportunityId: 'opportunity-17', stage: 'proposal', at: '2026-05-04T09:00:00.000Z' },
      },
      '2026-05-04T09:00:01.000Z',
    )
    .run(
      {
        type: 'RecordRegistrationOutcome',
        data: { outcome: 'won', opportunityId: 'opportunity-17', at: '2026-06-20T12:00:00.000Z' },
      },
      '2026-06-20T12:00:02.000Z',
    );
  const conflicted = submitted('registration-18', 'Keller Stanztechnik GmbH').run(
    {
      type: 'RecordRegistrationAnswer',
      data: {
        answer: 'conflicted',
        rule,
        conflictingLeadIds: ['lead-9'],
        conflictingOpportunityIds: ['opportunity-9'],
        decidedAt: '2026-04-25T08:05:00.000Z',
      },
    },
    '2026-04-25T08:05:01.000Z',
  );
  const lapsed = accepted('registration-19', 'Lutz Umformtechnik KG').run(
    { type: 'LapseRegistration', data: { at: '2026-05-25T08:00:05.000Z', lapseAfterDays: 30 } },
    '2026-05-25T08:00:05.000Z',
  );
  const lost = accepted('registration-20', 'Maier Blechbearbeitung GmbH').run(
    {
      type: 'RecordRegistrationOutcome',
      data: { outcome: 'lost', opportunityId: 'opportunity-20', at: '2026-06-22T15:00:00.000Z' },
    },
    '2026-06-22T15:00:00.000Z',
  );
  return [won, conflicted, lapsed, lost];
}
