import {
  channelsContracts,
  ContractRegistry,
  DealRegistrationSubmittedV1,
  type IntegrationEvent,
  isEventOf,
} from '@salesos/contracts';
import { deterministicUuid, SampleStream } from '@salesos/event-sourcing';
import { dealRegistrationDecider } from './deal-registrations';
import { dealerNewsOf, dealerStandingDecider, type DealerStandingState } from './dealers';
import { leadDecider } from './leads';
import { mapLeadsIntegrationEvents } from './leads-publishing';
import { defaultPipelines, opportunityDecider } from './opportunities';

const divisionId = 'machines';
const caller = { divisionId, actor: { userId: 'manager-machines', roles: ['division-manager'] } };

/**
 * What the leads service publishes today, produced by its own deciders and mappers for a story that sets every
 * optional field: the compatibility check validates each against every released schema of its message version.
 */
export function leadsContractSamples(): IntegrationEvent[] {
  const leadId = deterministicUuid('sample:lead');
  const otherLeadId = deterministicUuid('sample:other-lead');
  const opportunityId = deterministicUuid('sample:opportunity');
  const pipeline = defaultPipelines[0] as (typeof defaultPipelines)[number];
  const lead = new SampleStream(leadDecider, `lead-${leadId}`, caller)
    .run(
      {
        type: 'CaptureLead',
        data: {
          leadId,
          divisionId,
          source: 'trade-fair',
          campaign: 'Hannover Messe 2026',
          contact: { name: 'Ada Keller', email: 'ada@keller.example', phone: '+49 30 1234567' },
          company: { name: 'Keller Stanztechnik GmbH', industry: 'metalworking', sizeBand: 'mid' },
          territory: 'south',
          estimatedValue: { amount: 48_500, currency: 'EUR' },
          needTags: ['automation'],
          segmentIds: ['mid-market'],
          duplicates: [],
          force: false,
        },
      },
      '2026-04-20T09:15:00.000Z',
    )
    .run(
      {
        type: 'AssignLead',
        data: { repId: 'rep-machines-02', rule: { kind: 'manual', detail: 'by the manager' } },
      },
      '2026-04-20T09:16:00.000Z',
    )
    .run(
      {
        type: 'AssignLead',
        data: {
          repId: 'rep-machines-07',
          rule: { kind: 'least-loaded', ruleId: 'field', teamId: 'machines-south', detail: 'least loaded' },
        },
      },
      '2026-04-20T09:17:00.000Z',
    )
    .run({ type: 'QualifyLead', data: { note: 'budget confirmed' } }, '2026-04-22T14:00:00.000Z')
    .run({ type: 'ConvertLead', data: { opportunityId } }, '2026-04-24T11:30:00.000Z');
  const other = new SampleStream(leadDecider, `lead-${otherLeadId}`, caller)
    .run(
      {
        type: 'CaptureLead',
        data: {
          leadId: otherLeadId,
          divisionId,
          source: 'web',
          contact: { name: 'Ben Brandt' },
          company: { name: 'Brandt AG' },
          needTags: [],
          segmentIds: [],
          duplicates: [],
          force: false,
        },
      },
      '2026-04-21T09:00:00.000Z',
    )
    .run({ type: 'DisqualifyLead', data: { reason: 'no budget this year' } }, '2026-04-23T10:00:00.000Z');
  const opportunity = new SampleStream(opportunityDecider, `opportunity-${opportunityId}`, caller)
    .run(
      {
        type: 'OpenOpportunity',
        data: {
          opportunityId,
          divisionId,
          leadId,
          accountName: 'Keller Stanztechnik GmbH',
          pipeline,
          amount: { amount: 48_500, currency: 'EUR' },
          expectedCloseDate: '2026-07-31',
          products: [{ productId: 'press-200', quantity: 2 }],
          channel: { kind: 'dealer', dealerId: 'dealer-4', channelId: 'dealer-network' },
          ownerRepId: 'rep-machines-07',
          teamId: 'machines-south',
        },
      },
      '2026-04-24T11:30:00.000Z',
    )
    .run(
      { type: 'MoveOpportunityStage', data: { pipelines: defaultPipelines, stageId: 'proposal' } },
      '2026-05-06T08:00:00.000Z',
    )
    .run(
      {
        type: 'ReviseForecast',
        data: {
          amount: { amount: 52_000, currency: 'EUR' },
          expectedCloseDate: '2026-08-15',
          effectiveAt: '2026-05-05T16:00:00.000Z',
        },
      },
      '2026-05-08T16:00:00.000Z',
    )
    .run(
      { type: 'ChangeProducts', data: { products: [{ productId: 'press-200', quantity: 3 }] } },
      '2026-05-09T09:00:00.000Z',
    )
    .run(
      {
        type: 'AttributeChannel',
        data: { channel: { kind: 'dealer', dealerId: 'dealer-9', channelId: 'dealer-network' } },
      },
      '2026-05-10T09:00:00.000Z',
    )
    .run(
      {
        type: 'WinOpportunity',
        data: { amount: { amount: 51_000, currency: 'EUR' }, reason: 'relationship', allowedReasons: ['relationship'] },
      },
      '2026-06-02T15:00:00.000Z',
    )
    .run(
      { type: 'ReopenOpportunity', data: { pipelines: defaultPipelines, stageId: 'negotiation' } },
      '2026-06-05T10:00:00.000Z',
    )
    .run(
      { type: 'LoseOpportunity', data: { reason: 'competitor', allowedReasons: ['competitor'] } },
      '2026-06-20T12:00:00.000Z',
    );
  const registration = (registrationId: string, openLeadIds: string[]) =>
    new SampleStream(dealRegistrationDecider, `dealregistration-${registrationId}`, caller).run(
      {
        type: 'DecideDealRegistration',
        data: {
          registrationId,
          divisionId,
          dealerId: 'dealer-4',
          companyName: 'Brandt Maschinenbau AG',
          openLeadIds,
          openOpportunityIds: openLeadIds.length > 0 ? [opportunityId] : [],
        },
      },
      '2026-04-25T08:00:00.000Z',
    );
  return [lead, other, opportunity, registration('registration-17', []), registration('registration-18', [leadId])]
    .flatMap((stream) => stream.recorded)
    .flatMap(mapLeadsIntegrationEvents);
}

/**
 * Takes events the leads service consumes as its consumers would: checked against the contracts it reads, then
 * decided by the deal registration decider, or folded into each dealer's standing. Throws on the first it cannot
 * take; the compatibility check gives it every release's examples.
 */
export function takeConsumedEvents(events: readonly IntegrationEvent[]): { decided: number; dealers: number } {
  const registry = new ContractRegistry(channelsContracts);
  const dealers = new Map<string, DealerStandingState>();
  let decided = 0;
  for (const event of events) {
    const news = dealerNewsOf(event);
    if (news === undefined && !isEventOf(DealRegistrationSubmittedV1, event)) continue;
    const valid = registry.validate(event.type, event.data);
    if (!valid.ok) throw new Error(`leads refuses ${event.type}: ${valid.reason}`);
    const metadata = { commandId: event.id, now: event.time };
    if (news !== undefined) {
      const state = dealers.get(news.dealerId) ?? dealerStandingDecider.initialState();
      const recorded = dealerStandingDecider.decide({ type: 'RecordDealerStanding', data: news, metadata }, state);
      dealers.set(
        news.dealerId,
        recorded.reduce((known, next) => dealerStandingDecider.evolve(known, next), state),
      );
      continue;
    }
    if (!isEventOf(DealRegistrationSubmittedV1, event)) continue;
    const { registrationId, dealerId, companyName } = event.data;
    dealRegistrationDecider.decide(
      {
        type: 'DecideDealRegistration',
        data: {
          registrationId,
          divisionId: event.data.divisionId,
          dealerId,
          companyName,
          openLeadIds: [],
          openOpportunityIds: [],
        },
        metadata,
      },
      dealRegistrationDecider.initialState(),
    );
    decided += 1;
  }
  return { decided, dealers: dealers.size };
}
