import { ContractRegistry, leadsContracts } from '@salesos/contracts';
import { MemoryEventStore, type RecordedEvent } from '@salesos/event-store';
import { CommandHandler } from '@salesos/event-sourcing';
import type { LeadCommand } from '../domain/lead.commands';
import { leadDecider } from '../domain/lead.decider';
import { mapLeadEvent } from './lead-integration.mapper';

const registry = new ContractRegistry(leadsContracts);

async function history(): Promise<RecordedEvent[]> {
  const store = new MemoryEventStore();
  const handler = new CommandHandler(store, leadDecider);
  let n = 0;
  const run = (command: Omit<LeadCommand, 'metadata'>) =>
    handler.handle('lead-l1', {
      ...command,
      metadata: {
        commandId: `c${(n += 1)}`,
        now: '2026-03-01T10:00:00.000Z',
        divisionId: 'north',
        correlationId: 'corr-9',
      },
    } as LeadCommand);
  await run({
    type: 'CaptureLead',
    data: {
      leadId: 'l1',
      divisionId: 'north',
      source: 'web',
      contact: { name: 'Ada', email: 'ada@acme.test' },
      company: { name: 'Acme', industry: 'retail', sizeBand: 'mid' },
      territory: 'berlin',
      estimatedValue: { amount: 9000, currency: 'EUR' },
      needTags: [],
      segmentIds: ['seg-1'],
      duplicates: [],
      force: false,
    },
  });
  await run({
    type: 'AssignLead',
    data: { repId: 'rep-1', rule: { kind: 'round-robin', ruleId: 'r1', detail: 'turn 1' } },
  });
  await run({ type: 'AssignLead', data: { repId: 'rep-2', rule: { kind: 'manual', detail: 'by u1' } } });
  await run({ type: 'NurtureLead', data: {} });
  await run({ type: 'QualifyLead', data: {} });
  await run({ type: 'ConvertLead', data: { opportunityId: 'opp-1' } });
  const disqualifiedStore = new CommandHandler(store, leadDecider);
  await disqualifiedStore.handle('lead-l2', {
    type: 'CaptureLead',
    data: {
      leadId: 'l2',
      divisionId: 'north',
      source: 'web',
      contact: { name: 'Bo' },
      company: { name: 'Bo Ltd' },
      needTags: [],
      segmentIds: [],
      duplicates: [],
      force: false,
    },
    metadata: { commandId: 'd1', now: '2026-03-02T10:00:00.000Z', divisionId: 'north' },
  });
  await disqualifiedStore.handle('lead-l2', {
    type: 'DisqualifyLead',
    data: { reason: 'no budget' },
    metadata: { commandId: 'd2', now: '2026-03-02T11:00:00.000Z', divisionId: 'north' },
  });
  return (await store.readAll()).events;
}

describe('lead integration mapping', () => {
  it('publishes capture, assignment, qualification, conversion and disqualification, each matching its contract', async () => {
    const published = (await history()).flatMap(mapLeadEvent);
    expect(published.map((event) => event.type)).toEqual([
      'salesos.leads.LeadCaptured.v1',
      'salesos.leads.LeadAssigned.v1',
      'salesos.leads.LeadAssigned.v1',
      'salesos.leads.LeadQualified.v1',
      'salesos.leads.LeadConverted.v1',
      'salesos.leads.LeadCaptured.v1',
      'salesos.leads.LeadDisqualified.v1',
    ]);
    for (const event of published)
      expect({ type: event.type, valid: registry.validate(event.type, event.data) }).toEqual({
        type: event.type,
        valid: { ok: true },
      });
    expect(published[0]).toMatchObject({
      subject: 'l1',
      source: '/salesos/leads',
      divisionId: 'north',
      correlationId: 'corr-9',
      time: '2026-03-01T10:00:00.000Z',
    });
    expect(published[2]?.data).toMatchObject({ repId: 'rep-2', previousRepId: 'rep-1', rule: 'manual' });
  });

  it('keeps scores, segment rematches, nurturing and merges inside the service', async () => {
    const internal = (await history()).filter((event) => ['LeadScored', 'LeadNurtured'].includes(event.type));
    expect(internal.length).toBeGreaterThan(0);
    expect(internal.flatMap(mapLeadEvent)).toEqual([]);
  });
});
