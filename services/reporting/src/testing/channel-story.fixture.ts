import {
  DealRegistrationAcceptanceRecordedV1,
  DealRegistrationConflictRecordedV1,
  DealRegistrationLapsedV1,
  DealRegistrationLostV1,
  DealRegistrationSubmittedV1,
  DealRegistrationWonV1,
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

type Registration = { registrationId: string; dealerId: string; divisionId: string };
const rule = 'first come';

const registered = (registration: Registration, day: string) =>
  event(DealRegistrationSubmittedV1.type, registration.registrationId, t(day), {
    ...registration,
    companyName: `Customer of ${registration.registrationId}`,
    submittedAt: t(day),
  });

const answered = (registration: Registration, answer: 'accepted' | 'conflicted', day: string) =>
  answer === 'accepted'
    ? event(DealRegistrationAcceptanceRecordedV1.type, registration.registrationId, t(day), {
        ...registration,
        rule,
        decidedAt: t(day),
        recordedAt: t(day),
      })
    : event(DealRegistrationConflictRecordedV1.type, registration.registrationId, t(day), {
        ...registration,
        rule,
        conflictingLeadIds: [],
        conflictingOpportunityIds: ['o7'],
        decidedAt: t(day),
        recordedAt: t(day),
      });

type End = ['won' | 'lost', string, string] | ['lapsed', string];

/** How an accepted registration ended: won or lost with its deal, or lapsed. */
function ended(registration: Registration, end: End): IntegrationEvent {
  const { registrationId } = registration;
  if (end[0] === 'lapsed') {
    return event(DealRegistrationLapsedV1.type, registrationId, t(end[1]), {
      ...registration,
      lapseAfterDays: 30,
      lastActivityAt: t('04-10'),
      dueAt: t('05-10'),
      lapsedAt: t(end[1]),
    });
  }
  const [outcome, day, opportunityId] = end;
  return outcome === 'won'
    ? event(DealRegistrationWonV1.type, registrationId, t(day), { ...registration, opportunityId, wonAt: t(day) })
    : event(DealRegistrationLostV1.type, registrationId, t(day), { ...registration, opportunityId, lostAt: t(day) });
}

/** A registration's events: submitted on the first day given, then answered, then ended, when days are given. */
function registration(
  registrationId: string,
  dealerId: string,
  days: { submitted: string; accepted?: string; conflicted?: string },
  end?: End,
  divisionId = 'north',
): IntegrationEvent[] {
  const ids = { registrationId, dealerId, divisionId };
  return [
    registered(ids, days.submitted),
    ...(days.accepted === undefined ? [] : [answered(ids, 'accepted', days.accepted)]),
    ...(days.conflicted === undefined ? [] : [answered(ids, 'conflicted', days.conflicted)]),
    ...(end === undefined ? [] : [ended(ids, end)]),
  ];
}

/**
 * The dealers' deal registrations. dealer-a registered seven deals: one in March, accepted and won in April (before
 * the second quarter); in the second quarter one won (o2), one lost (o3), one lapsed, one still open (o5), one in
 * conflict and one awaiting its answer. dealer-b registered one in April, won (o4). dealer-u, whose dealer events
 * reporting never received, registered one in May, in conflict. dealer-s (south) registered one in May, won.
 */
export function registrationStory(): IntegrationEvent[] {
  return [
    ...registration('ra-march', 'dealer-a', { submitted: '03-15', accepted: '03-16' }, ['won', '04-20', 'o0']),
    ...registration('ra-won', 'dealer-a', { submitted: '04-01', accepted: '04-01' }, ['won', '06-15', 'o2']),
    ...registration('ra-lost', 'dealer-a', { submitted: '04-05', accepted: '04-05' }, ['lost', '05-20', 'o3']),
    ...registration('ra-lapsed', 'dealer-a', { submitted: '04-10', accepted: '04-10' }, ['lapsed', '05-11']),
    ...registration('ra-open', 'dealer-a', { submitted: '05-01', accepted: '05-01' }),
    ...registration('ra-conflict', 'dealer-a', { submitted: '05-03', conflicted: '05-03' }),
    ...registration('ra-waiting', 'dealer-a', { submitted: '06-20' }),
    ...registration('rb-won', 'dealer-b', { submitted: '04-01', accepted: '04-02' }, ['won', '05-01', 'o4']),
    ...registration('ru-conflict', 'dealer-u', { submitted: '05-02', conflicted: '05-02' }),
    ...registration('rs-won', 'dealer-s', { submitted: '05-01', accepted: '05-01' }, ['won', '05-30', 'os'], 'south'),
  ];
}

/**
 * Dealers of the north division and their deals. dealer-a (channel dealer-network) is silver from January; a review
 * made it gold from April, corrected back to silver from April; gold again from June. Its Q2 plan was 100,000 then
 * revised to 80,000. It won 40,000 in May (silver, after the correction) and 20,000 in June (gold), lost one deal
 * in May, and has 5,000 open. dealer-b (retail-partners) has no tier and won 10,000 in May. Direct: 7,000 won in
 * May, 3,000 open. dealer-s belongs to the south division. Then the dealers' deal registrations (registrationStory).
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
    ...registrationStory(),
  ];
}
