import { allContracts } from './catalog';
import { ContractRegistry } from './contract-registry';
import { fromEventRecord, toEventRecord } from './cloud-events';
import type { IntegrationEventContract } from './integration-event';

const registry = new ContractRegistry(allContracts);
const captured = {
  leadId: '2b7e1a52-6c1f-4e0a-9d3b-5f2a8c4e1d90',
  divisionId: 'division-north',
  source: 'web',
  companyName: 'Acme GmbH',
  segmentIds: ['segment-smb'],
  capturedAt: '2026-03-01T09:00:00.000Z',
};

describe('ContractRegistry', () => {
  it('accepts a payload that matches its contract', () => {
    expect(registry.validate('salesos.leads.LeadCaptured.v1', captured)).toEqual({ ok: true });
  });

  it('names each problem of a payload that does not match', () => {
    const result = registry.validate('salesos.leads.LeadCaptured.v1', {
      ...captured,
      leadId: 7,
      capturedAt: 'yesterday',
      source: '',
    });
    expect(result.ok).toBe(false);
    const reason = (result as { reason: string }).reason;
    expect(reason).toMatch(/\/leadId must be string/);
    expect(reason).toMatch(/\/capturedAt must match format "date-time"/);
    expect(reason).toMatch(/\/source must NOT have fewer than 1 characters/);
  });

  it('accepts properties it does not know, at any depth: a minor release may add optional ones', () => {
    expect(
      registry.validate('salesos.leads.LeadCaptured.v1', {
        ...captured,
        addedLater: { any: 'thing' },
        estimatedValue: { amount: 10, currency: 'EUR', netOfTax: true },
      }),
    ).toEqual({ ok: true });
  });

  it('accepts the example of every contract', () => {
    for (const contract of allContracts)
      expect(registry.validate(contract.type, contract.example)).toEqual({ ok: true });
  });

  it('answers for unknown types and refuses duplicate or keyless contracts', () => {
    expect(registry.validate('salesos.leads.Nope.v1', {})).toEqual({
      ok: false,
      reason: "no contract for type 'salesos.leads.Nope.v1'",
    });
    const contract = allContracts[0] as IntegrationEventContract;
    expect(() => new ContractRegistry([contract, contract])).toThrow(/defined twice/);
    expect(() => new ContractRegistry([{ ...contract, subjectField: 'missing' }])).toThrow(/subjectField 'missing'/);
  });

  it('lists the topics of its contracts once each', () => {
    expect(registry.topics.map((topic) => topic.name).sort()).toEqual([
      'salesos.channels.agreement',
      'salesos.channels.deal-registration',
      'salesos.channels.dealer',
      'salesos.channels.fund',
      'salesos.channels.plan',
      'salesos.channels.tier',
      'salesos.leads.deal-registration-decision',
      'salesos.leads.lead',
      'salesos.leads.opportunity',
      'salesos.staffing.organisation',
      'salesos.staffing.training',
    ]);
  });
});

describe('CloudEvents records', () => {
  const event = {
    id: '7f0c1c9e-4b5a-4a63-9a55-0b4f1d8a3c11',
    type: 'salesos.leads.LeadCaptured.v1',
    source: '/salesos/leads',
    subject: 'lead-1',
    time: '2026-03-01T09:00:00.000Z',
    data: captured,
    correlationId: 'corr-1',
    causationId: 'cmd-1',
    divisionId: 'division-north',
  };

  it('round-trips through binary-mode headers, keyed by the subject', () => {
    const record = toEventRecord(event);
    expect(record.key).toBe('lead-1');
    expect(record.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_type: event.type,
      ce_source: '/salesos/leads',
      ce_time: event.time,
      ce_subject: 'lead-1',
      'content-type': 'application/json',
      ce_correlationid: 'corr-1',
      ce_causationid: 'cmd-1',
      ce_divisionid: 'division-north',
    });
    const buffers = Object.fromEntries(
      Object.entries(record.headers).map(([name, value]) => [name, Buffer.from(value)]),
    );
    expect(fromEventRecord({ value: Buffer.from(record.value), headers: buffers })).toEqual({ ok: true, event });
  });

  it('reports records that are not JSON or lack attributes', () => {
    const { headers } = toEventRecord(event);
    expect(fromEventRecord({ value: '{not json', headers })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not JSON/) as unknown,
    });
    const { ce_type: _dropped, ...withoutType } = headers;
    expect(fromEventRecord({ value: '{}', headers: withoutType })).toEqual({
      ok: false,
      reason: 'missing CloudEvents headers: ce_type',
    });
    expect(fromEventRecord({ value: null, headers })).toEqual({ ok: false, reason: 'the record has no value' });
    expect(fromEventRecord({ value: '{}', headers: { ...headers, ce_specversion: '0.3' } })).toMatchObject({
      ok: false,
    });
  });
});
