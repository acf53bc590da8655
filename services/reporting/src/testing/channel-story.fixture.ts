import {
  DealerActivatedV1,
  DealerPlanSetV1,
  type IntegrationEvent,
  OpportunityLostV1,
  OpportunityOpenedV1,
  OpportunityWonV1,
  TierChangedV1,
} from '@salesos/contracts';

let sequence = 0;

function event(type: string, subject: string, time: string, data: Record<string, unknown>): IntegrationEvent {
  sequence += 1;
  return {
    id: `00000000-0000-4000-9000-${String(sequence).padStart(12, '0')}`,
    type,
    source: type.startsWith('Opportunity') ? '/salesos/leads' : '/salesos/channels',
    subject,
    time,
    data,
    divisionId: (data.divisionId as string | undefined) ?? 'north',
  };
}

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const t = (day: string) => `2026-${day}T10:00:00.000Z`;

const activated = (dealerId: string, channelId: string, divisionId = 'north') =>
  event(DealerActivatedV1.type, dealerId, t('01-05'), {
    dealerId,
    divisionId,
    channelId,
    companyName: `Company of ${dealerId}`,
    activatedAt: t('01-05'),
  });

const tier = (changeId: string, dealerId: string, tierId: string, effectiveFrom: string, corrects?: string) =>
  event(TierChangedV1.type, dealerId, `${effectiveFrom}T08:00:00.000Z`, {
    changeId,
    dealerId,
    divisionId: 'north',
    programmeId: 'partner-programme',
    tierId,
    effectiveFrom,
    ...(corrects === undefined ? {} : { corrects }),
    changedAt: corrects === undefined ? `${effectiveFrom}T08:00:00.000Z` : t('04-20'),
  });

const plan = (dealerId: string, period: string, revision: number, amount: number) =>
  event(DealerPlanSetV1.type, dealerId, t('03-01'), {
    dealerId,
    divisionId: 'north',
    period,
    revision,
    value: eur(amount),
    units: 3,
    productMix: [],
    setAt: t('03-01'),
  });

const opened = (opportunityId: string, amount: number, day: string, dealerId?: string) =>
  event(OpportunityOpenedV1.type, opportunityId, t(day), {
    opportunityId,
    divisionId: 'north',
    accountName: `Account ${opportunityId}`,
    pipelineId: 'new-business',
    stageId: 'prospecting',
    probability: 0.1,
    amount: eur(amount),
    expectedCloseDate: '2026-06-30',
    products: [],
    channel: dealerId === undefined ? 'direct' : 'dealer',
    ...(dealerId === undefined ? {} : { dealerId }),
    openedAt: t(day),
  });

const won = (opportunityId: string, amount: number, day: string, dealerId?: string) =>
  event(OpportunityWonV1.type, opportunityId, t(day), {
    opportunityId,
    divisionId: 'north',
    amount: eur(amount),
    channel: dealerId === undefined ? 'direct' : 'dealer',
    ...(dealerId === undefined ? {} : { dealerId }),
    wonAt: t(day),
  });

const lost = (opportunityId: string, day: string) =>
  event(OpportunityLostV1.type, opportunityId, t(day), {
    opportunityId,
    divisionId: 'north',
    reason: 'competitor',
    lostAt: t(day),
  });

/**
 * Dealers of the north division and their deals. dealer-a (channel dealer-network) is silver from January; a review
 * made it gold from April, corrected back to silver from April; gold again from June. Its Q2 plan was 100,000 then
 * revised to 80,000. It won 40,000 in May (silver, after the correction) and 20,000 in June (gold), lost one deal
 * in May, and has 5,000 open. dealer-b (retail-partners) has no tier and won 10,000 in May. Direct: 7,000 won in
 * May, 3,000 open. dealer-s belongs to the south division.
 */
export function channelStory(): IntegrationEvent[] {
  return [
    activated('dealer-a', 'dealer-network'),
    activated('dealer-b', 'retail-partners'),
    activated('dealer-s', 'dealer-network', 'south'),
    tier('tier-a1', 'dealer-a', 'silver', '2026-01-01'),
    tier('tier-a2', 'dealer-a', 'gold', '2026-04-01'),
    tier('tier-a3', 'dealer-a', 'silver', '2026-04-01', 'tier-a2'),
    tier('tier-a4', 'dealer-a', 'gold', '2026-06-01'),
    plan('dealer-a', '2026-Q2', 1, 100_000),
    plan('dealer-a', '2026-Q2', 2, 80_000),
    plan('dealer-a', '2026-Q3', 1, 50_000),
    opened('o1', 40_000, '03-01', 'dealer-a'),
    won('o1', 40_000, '05-10', 'dealer-a'),
    opened('o2', 20_000, '04-02', 'dealer-a'),
    won('o2', 20_000, '06-15', 'dealer-a'),
    opened('o3', 15_000, '04-05', 'dealer-a'),
    lost('o3', '05-20'),
    opened('o4', 10_000, '04-01', 'dealer-b'),
    won('o4', 10_000, '05-01', 'dealer-b'),
    opened('o5', 5_000, '05-01', 'dealer-a'),
    opened('o6', 7_000, '04-01'),
    won('o6', 7_000, '05-05'),
    opened('o7', 3_000, '05-01'),
  ];
}
