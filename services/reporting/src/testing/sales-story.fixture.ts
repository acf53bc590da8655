import {
  type IntegrationEvent,
  LeadAssignedV1,
  LeadCapturedV1,
  LeadConvertedV1,
  LeadDisqualifiedV1,
  LeadQualifiedV1,
  OpportunityForecastRevisedV1,
  OpportunityLostV1,
  OpportunityOpenedV1,
  OpportunityReopenedV1,
  OpportunityStageChangedV1,
  OpportunityWonV1,
} from '@salesos/contracts';

/**
 * A small, fixed sales story with figures computed by hand in the tests: four leads and four opportunities in the
 * division `north` (January and February 2026), two of the leads routed to teams `team-a` and `team-b`, and one opportunity in `south` that no `north` report may show.
 * Division `east` holds the turns the as-of pipeline must follow: a deal lost and reopened, one won, reopened and won
 * again, and one whose loss was recorded ten days after it happened.
 */
let sequence = 0;
function event(type: string, subject: string, time: string, data: Record<string, unknown>): IntegrationEvent {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    type,
    source: '/salesos/leads',
    subject,
    time,
    data,
    divisionId: (data.divisionId as string | undefined) ?? 'north',
  };
}

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const t = (day: string) => `2026-${day}T00:00:00.000Z`;

function captured(leadId: string, source: string, segmentIds: string[], day: string) {
  return event(LeadCapturedV1.type, leadId, t(day), {
    leadId,
    divisionId: 'north',
    source,
    companyName: `Company of ${leadId}`,
    segmentIds,
    capturedAt: t(day),
  });
}

function assigned(leadId: string, repId: string, teamId: string, day: string) {
  return event(LeadAssignedV1.type, leadId, t(day), {
    leadId,
    divisionId: 'north',
    repId,
    rule: 'round-robin',
    teamId,
    assignedAt: t(day),
  });
}

function opened(opportunityId: string, accountName: string, amount: number, day: string, extra: object = {}) {
  return event(OpportunityOpenedV1.type, opportunityId, t(day), {
    opportunityId,
    divisionId: 'north',
    accountName,
    pipelineId: 'new-business',
    stageId: 'prospecting',
    probability: 0.1,
    amount: eur(amount),
    expectedCloseDate: '2026-06-30',
    products: [{ productId: 'press-200', quantity: 1 }],
    channel: 'direct',
    openedAt: t(day),
    ...extra,
  });
}

/** Single events in the story's style, for tests that need a situation the story does not hold. */
export const storyEvent = {
  captured: (...args: Parameters<typeof captured>) => captured(...args),
  assigned: (...args: Parameters<typeof assigned>) => assigned(...args),
  opened: (...args: Parameters<typeof opened>) => opened(...args),
  moved: (...args: Parameters<typeof moved>) => moved(...args),
  revised: (...args: Parameters<typeof revised>) => revised(...args),
};

/** A forecast revision of a `north` deal, recorded on `recordedDay`, stating the business time `effectiveAt`. */
function revised(opportunityId: string, amount: number, previous: number, effectiveAt: string, recordedDay: string) {
  return event(OpportunityForecastRevisedV1.type, opportunityId, t(recordedDay), {
    opportunityId,
    divisionId: 'north',
    amount: eur(amount),
    expectedCloseDate: '2026-06-30',
    previousAmount: eur(previous),
    previousExpectedCloseDate: '2026-06-30',
    effectiveAt,
  });
}

function moved(opportunityId: string, fromStage: string, toStage: string, probability: number, day: string) {
  return event(OpportunityStageChangedV1.type, opportunityId, t(day), {
    opportunityId,
    divisionId: 'north',
    pipelineId: 'new-business',
    fromStage,
    toStage,
    probability,
    amount: eur(0),
    changedAt: t(day),
  });
}

export function salesStory(): { leads: IntegrationEvent[]; opportunities: IntegrationEvent[] } {
  sequence = 0;
  const leads = [
    captured('L1', 'referral', ['S1'], '01-05'),
    captured('L2', 'web', ['S1'], '01-06'),
    captured('L3', 'web', [], '01-07'),
    assigned('L1', 'rep-1', 'team-a', '01-06'),
    assigned('L2', 'rep-2', 'team-b', '01-07'),
    event(LeadDisqualifiedV1.type, 'L3', t('01-09'), {
      leadId: 'L3',
      divisionId: 'north',
      reason: 'student',
      disqualifiedAt: t('01-09'),
    }),
    event(LeadQualifiedV1.type, 'L1', t('01-10'), {
      leadId: 'L1',
      divisionId: 'north',
      score: 70,
      qualifiedAt: t('01-10'),
    }),
    event(LeadConvertedV1.type, 'L1', t('01-12'), {
      leadId: 'L1',
      divisionId: 'north',
      opportunityId: 'O1',
      convertedAt: t('01-12'),
    }),
    event(LeadQualifiedV1.type, 'L2', t('01-15'), {
      leadId: 'L2',
      divisionId: 'north',
      score: 40,
      qualifiedAt: t('01-15'),
    }),
    event(LeadConvertedV1.type, 'L2', t('01-20'), {
      leadId: 'L2',
      divisionId: 'north',
      opportunityId: 'O2',
      convertedAt: t('01-20'),
    }),
    captured('L4', 'event', ['S2'], '02-01'),
  ];
  const opportunities = [
    opened('O1', 'Acme', 10_000, '01-12', { leadId: 'L1', ownerRepId: 'rep-1' }),
    opened('O2', 'Bolt', 20_000, '01-20', { leadId: 'L2', ownerRepId: 'rep-2' }),
    moved('O1', 'prospecting', 'qualification', 0.2, '01-22'),
    moved('O2', 'prospecting', 'proposal', 0.5, '01-25'),
    moved('O1', 'qualification', 'proposal', 0.5, '02-01'),
    opened('O3', 'Cogs', 40_000, '02-01', {
      channel: 'dealer',
      dealerId: 'dealer-1',
      expectedCloseDate: '2026-04-30',
      products: [{ productId: 'lathe-7', quantity: 2 }],
    }),
    opened('O4', 'Acme', 5_000, '02-03', { expectedCloseDate: '2026-03-31' }),
    moved('O2', 'proposal', 'qualification', 0.2, '02-04'),
    // Recorded on 5 February, true since 30 January: "as believed" on 31 January does not know it yet.
    event(OpportunityForecastRevisedV1.type, 'O2', t('02-05'), {
      opportunityId: 'O2',
      divisionId: 'north',
      amount: eur(25_000),
      expectedCloseDate: '2026-05-31',
      previousAmount: eur(20_000),
      previousExpectedCloseDate: '2026-06-30',
      effectiveAt: t('01-30'),
    }),
    moved('O3', 'prospecting', 'negotiation', 0.75, '02-10'),
    event(OpportunityWonV1.type, 'O1', t('02-11'), {
      opportunityId: 'O1',
      divisionId: 'north',
      amount: eur(12_000),
      channel: 'direct',
      wonAt: t('02-11'),
    }),
    event(OpportunityLostV1.type, 'O2', t('02-20'), {
      opportunityId: 'O2',
      divisionId: 'north',
      reason: 'price',
      lostAt: t('02-20'),
    }),
    event(OpportunityOpenedV1.type, 'O9', t('01-15'), {
      opportunityId: 'O9',
      divisionId: 'south',
      accountName: 'Zeta',
      pipelineId: 'new-business',
      stageId: 'prospecting',
      probability: 0.1,
      amount: eur(99_999),
      expectedCloseDate: '2026-03-01',
      products: [],
      channel: 'direct',
      openedAt: t('01-15'),
    }),
  ];
  return { leads, opportunities: [...opportunities, ...eastStory()] };
}

function eastStory(): IntegrationEvent[] {
  const east = (type: string, opportunityId: string, day: string, data: Record<string, unknown>, recorded = day) =>
    event(type, opportunityId, t(recorded), { opportunityId, divisionId: 'east', ...data });
  const openedEast = (opportunityId: string, amount: number) =>
    east(OpportunityOpenedV1.type, opportunityId, '01-05', {
      accountName: `Account of ${opportunityId}`,
      pipelineId: 'new-business',
      stageId: 'prospecting',
      probability: 0.1,
      amount: eur(amount),
      expectedCloseDate: '2026-06-30',
      products: [],
      channel: 'direct',
      openedAt: t('01-05'),
    });
  const reopened = (opportunityId: string, day: string, stageId: string, probability: number) =>
    east(OpportunityReopenedV1.type, opportunityId, day, { stageId, probability, reopenedAt: t(day) });
  const wonEast = (opportunityId: string, amount: number, day: string) =>
    east(OpportunityWonV1.type, opportunityId, day, { amount: eur(amount), channel: 'direct', wonAt: t(day) });
  return [
    openedEast('E1', 1000),
    east(OpportunityLostV1.type, 'E1', '01-10', { reason: 'timing', lostAt: t('01-10') }),
    reopened('E1', '01-20', 'qualification', 0.2),
    openedEast('E2', 2000),
    wonEast('E2', 2000, '01-10'),
    reopened('E2', '01-12', 'proposal', 0.5),
    wonEast('E2', 2500, '01-30'),
    openedEast('E3', 3000),
    east(OpportunityLostV1.type, 'E3', '01-10', { reason: 'price', lostAt: t('01-10') }, '01-20'),
  ];
}
