import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import type { CommandMetadata } from '@salesos/event-sourcing';
import type { LeadCommand } from './lead.commands';
import { leadDecider } from './lead.decider';
import { LeadError, LeadErrorCode } from './lead.errors';
import type { LeadCaptured, LeadEvent, LeadScored } from './lead.events';

const now = '2026-03-01T09:00:00.000Z';
const metadata: CommandMetadata = {
  commandId: 'cmd-1',
  now,
  divisionId: 'north',
  actor: { userId: 'u1', roles: ['rep'] },
};
const command = <C extends LeadCommand>(type: C['type'], data: C['data']): C => ({ type, data, metadata }) as C;

const capture = (overrides: Partial<Extract<LeadCommand, { type: 'CaptureLead' }>['data']> = {}): LeadCommand =>
  command('CaptureLead', {
    leadId: 'lead-1',
    divisionId: 'north',
    source: 'referral',
    campaign: 'spring-fair',
    contact: { name: 'Ada Lovelace', email: 'ada@acme.test', phone: '+49 30 1234567' },
    company: { name: 'Acme GmbH', industry: 'manufacturing', sizeBand: 'large' },
    territory: 'berlin',
    estimatedValue: { amount: 40_000, currency: 'EUR' },
    needTags: ['automation'],
    segmentIds: ['seg-industry'],
    duplicates: [],
    force: false,
    ...overrides,
  });

const captured: LeadCaptured = {
  type: 'LeadCaptured',
  data: {
    leadId: 'lead-1',
    divisionId: 'north',
    source: 'referral',
    campaign: 'spring-fair',
    contact: { name: 'Ada Lovelace', email: 'ada@acme.test', phone: '+49 30 1234567' },
    company: { name: 'Acme GmbH', industry: 'manufacturing', sizeBand: 'large' },
    territory: 'berlin',
    estimatedValue: { amount: 40_000, currency: 'EUR' },
    needTags: ['automation'],
    segmentIds: ['seg-industry'],
    acceptedDuplicatesOf: [],
    capturedAt: now,
  },
};
const scored: LeadScored = {
  type: 'LeadScored',
  data: {
    leadId: 'lead-1',
    score: 68,
    reasons: [
      { rule: 'source', points: 20, explanation: "source 'referral'" },
      { rule: 'estimated-value', points: 15, explanation: 'estimated value 40000 EUR' },
      { rule: 'company-size', points: 10, explanation: 'company size large' },
      { rule: 'reachable-email', points: 5, explanation: 'an email address to reach the contact' },
      { rule: 'reachable-phone', points: 5, explanation: 'a phone number to reach the contact' },
      { rule: 'segment-fit', points: 10, explanation: 'fits 1 target segment(s)' },
      { rule: 'stated-needs', points: 3, explanation: 'states 1 need(s)' },
    ],
  },
};
const qualified: LeadEvent = { type: 'LeadQualified', data: { leadId: 'lead-1', score: 68, qualifiedAt: now } };
const disqualified: LeadEvent = {
  type: 'LeadDisqualified',
  data: { leadId: 'lead-1', reason: 'no budget', disqualifiedAt: now },
};
const converted: LeadEvent = {
  type: 'LeadConverted',
  data: { leadId: 'lead-1', opportunityId: 'opp-1', convertedAt: now },
};
const merged: LeadEvent = { type: 'LeadMerged', data: { leadId: 'lead-1', intoLeadId: 'lead-0', mergedAt: now } };
const assigned = (repId: string, previousRepId?: string): LeadEvent => ({
  type: 'LeadAssigned',
  data: {
    leadId: 'lead-1',
    repId,
    ...(previousRepId ? { previousRepId } : {}),
    rule: { kind: 'manual', detail: 'by u1' },
    assignedAt: now,
  },
});

const spec = DeciderSpecification.for(leadDecider);
const invalid = (status: string) => ({ code: LeadErrorCode.InvalidTransition, details: { status } });
const notFound = { code: LeadErrorCode.NotFound };

describe('lead decider', () => {
  describe('CaptureLead', () => {
    it('captures a lead and scores it with every reason', () => {
      spec.given([]).when(capture()).then([captured, scored]);
    });

    it('refuses a duplicate, naming the existing lead and what matched', () => {
      const duplicates = [{ leadId: 'lead-0', matchedOn: ['email' as const, 'company' as const] }];
      spec
        .given([])
        .when(capture({ duplicates }))
        .thenThrows(LeadError, (error) => {
          const leadError = error as LeadError;
          return (
            leadError.code === LeadErrorCode.Duplicate &&
            leadError.message.includes('lead-0 (same email, company)') &&
            leadError.details.duplicates === duplicates
          );
        });
    });

    it('captures beside known duplicates when forced, recording them', () => {
      const duplicates = [{ leadId: 'lead-0', matchedOn: ['phone' as const] }];
      spec
        .given([])
        .when(capture({ duplicates, force: true }))
        .then([{ ...captured, data: { ...captured.data, acceptedDuplicatesOf: ['lead-0'] } }, scored]);
    });

    it('refuses to capture a lead id twice', () => {
      spec.given([captured, scored]).when(capture()).thenThrows(LeadError, { code: LeadErrorCode.AlreadyExists });
    });
  });

  describe('RematchLeadSegments', () => {
    const industry = { segmentId: 'seg-industry', criteria: { industries: ['manufacturing'] } };
    const berlin = { segmentId: 'seg-berlin', criteria: { territories: ['Berlin'] } };
    const hamburg = { segmentId: 'seg-hamburg', criteria: { territories: ['hamburg'] } };

    it('records the segments the lead now meets and the score they change', () => {
      spec
        .given([captured, scored])
        .when(command('RematchLeadSegments', { activeSegments: [industry, berlin, hamburg] }))
        .then([
          { type: 'LeadSegmentsMatched', data: { leadId: 'lead-1', segmentIds: ['seg-berlin', 'seg-industry'] } },
          {
            type: 'LeadScored',
            data: {
              leadId: 'lead-1',
              score: 78,
              reasons: scored.data.reasons.map((reason) =>
                reason.rule === 'segment-fit'
                  ? { ...reason, points: 20, explanation: 'fits 2 target segment(s)' }
                  : reason,
              ),
            },
          },
        ]);
    });

    it('drops a segment that was retired', () => {
      spec
        .given([captured, scored])
        .when(command('RematchLeadSegments', { activeSegments: [hamburg] }))
        .then([
          { type: 'LeadSegmentsMatched', data: { leadId: 'lead-1', segmentIds: [] } },
          {
            type: 'LeadScored',
            data: { leadId: 'lead-1', score: 58, reasons: scored.data.reasons.filter((r) => r.rule !== 'segment-fit') },
          },
        ]);
    });

    it('does nothing when the lead meets the same segments', () => {
      spec
        .given([captured, scored])
        .when(command('RematchLeadSegments', { activeSegments: [industry, hamburg] }))
        .thenNothingHappens();
    });

    it('refuses a closed lead and a missing one', () => {
      spec
        .given([captured, scored, qualified, converted])
        .when(command('RematchLeadSegments', { activeSegments: [] }))
        .thenThrows(LeadError, invalid('converted'));
      spec
        .given([])
        .when(command('RematchLeadSegments', { activeSegments: [] }))
        .thenThrows(LeadError, notFound);
    });
  });

  describe('ReviseLeadDetails', () => {
    const hamburg = { segmentId: 'seg-hamburg', criteria: { territories: ['hamburg'] } };
    const industry = { segmentId: 'seg-industry', criteria: { industries: ['manufacturing'] } };
    const revise = (changes: Extract<LeadCommand, { type: 'ReviseLeadDetails' }>['data']['changes']) =>
      command('ReviseLeadDetails', { changes, activeSegments: [industry, hamburg] });

    it('records what changed and rematches the revised lead', () => {
      spec
        .given([captured, scored])
        .when(revise({ territory: 'hamburg', contact: { name: 'Ada Lovelace', phone: '+49 40 555' } }))
        .then([
          {
            type: 'LeadDetailsRevised',
            data: {
              leadId: 'lead-1',
              changes: { contact: { phone: '+49 40 555' }, territory: 'hamburg' },
              revisedAt: now,
            },
          },
          { type: 'LeadSegmentsMatched', data: { leadId: 'lead-1', segmentIds: ['seg-hamburg', 'seg-industry'] } },
          {
            type: 'LeadScored',
            data: {
              leadId: 'lead-1',
              score: 78,
              reasons: scored.data.reasons.map((reason) =>
                reason.rule === 'segment-fit'
                  ? { ...reason, points: 20, explanation: 'fits 2 target segment(s)' }
                  : reason,
              ),
            },
          },
        ]);
    });

    it('rescores without a segment change when only the value moves', () => {
      spec
        .given([captured, scored])
        .when(revise({ estimatedValue: { amount: 150_000, currency: 'EUR' } }))
        .then([
          {
            type: 'LeadDetailsRevised',
            data: {
              leadId: 'lead-1',
              changes: { estimatedValue: { amount: 150_000, currency: 'EUR' } },
              revisedAt: now,
            },
          },
          {
            type: 'LeadScored',
            data: {
              leadId: 'lead-1',
              score: 78,
              reasons: scored.data.reasons.map((reason) =>
                reason.rule === 'estimated-value'
                  ? { ...reason, points: 25, explanation: 'estimated value 150000 EUR' }
                  : reason,
              ),
            },
          },
        ]);
    });

    it("does nothing when every value given is already the lead's", () => {
      spec
        .given([captured, scored])
        .when(
          revise({
            contact: { email: 'ada@acme.test' },
            company: { industry: 'manufacturing', sizeBand: 'large' },
            territory: 'berlin',
            estimatedValue: { amount: 40_000, currency: 'EUR' },
            needTags: ['automation'],
          }),
        )
        .thenNothingHappens();
    });

    it('matches against the revised details, not the captured ones', () => {
      spec
        .given([
          captured,
          scored,
          {
            type: 'LeadDetailsRevised',
            data: { leadId: 'lead-1', changes: { company: { industry: 'retail' } }, revisedAt: now },
          },
          { type: 'LeadSegmentsMatched', data: { leadId: 'lead-1', segmentIds: [] } },
        ])
        .when(revise({ needTags: ['automation', 'robots'] }))
        .then([
          {
            type: 'LeadDetailsRevised',
            data: { leadId: 'lead-1', changes: { needTags: ['automation', 'robots'] }, revisedAt: now },
          },
          {
            type: 'LeadScored',
            data: {
              leadId: 'lead-1',
              score: 61,
              reasons: scored.data.reasons
                .filter((reason) => reason.rule !== 'segment-fit')
                .map((reason) =>
                  reason.rule === 'stated-needs' ? { ...reason, points: 6, explanation: 'states 2 need(s)' } : reason,
                ),
            },
          },
        ]);
    });

    it('refuses a closed lead and a missing one', () => {
      spec
        .given([captured, scored, disqualified])
        .when(revise({ territory: 'hamburg' }))
        .thenThrows(LeadError, invalid('disqualified'));
      spec
        .given([])
        .when(revise({ territory: 'hamburg' }))
        .thenThrows(LeadError, notFound);
    });
  });

  describe('QualifyLead', () => {
    it('qualifies a new lead with its score', () => {
      spec.given([captured, scored]).when(command('QualifyLead', {})).then([qualified]);
    });

    it('keeps the note', () => {
      spec
        .given([captured, scored])
        .when(command('QualifyLead', { note: 'budget confirmed' }))
        .then([
          { type: 'LeadQualified', data: { leadId: 'lead-1', score: 68, note: 'budget confirmed', qualifiedAt: now } },
        ]);
    });

    it('does nothing for a qualified lead', () => {
      spec.given([captured, scored, qualified]).when(command('QualifyLead', {})).thenNothingHappens();
    });

    it('refuses disqualified, converted, merged and missing leads', () => {
      spec
        .given([captured, disqualified])
        .when(command('QualifyLead', {}))
        .thenThrows(LeadError, invalid('disqualified'));
      spec
        .given([captured, qualified, converted])
        .when(command('QualifyLead', {}))
        .thenThrows(LeadError, invalid('converted'));
      spec.given([captured, merged]).when(command('QualifyLead', {})).thenThrows(LeadError, invalid('merged'));
      spec.given([]).when(command('QualifyLead', {})).thenThrows(LeadError, notFound);
    });
  });

  describe('DisqualifyLead', () => {
    it('disqualifies an open lead with the reason', () => {
      spec
        .given([captured, scored, qualified])
        .when(command('DisqualifyLead', { reason: 'no budget' }))
        .then([disqualified]);
    });

    it('does nothing for a disqualified lead', () => {
      spec
        .given([captured, disqualified])
        .when(command('DisqualifyLead', { reason: 'again' }))
        .thenNothingHappens();
    });

    it('refuses converted, merged and missing leads', () => {
      spec
        .given([captured, qualified, converted])
        .when(command('DisqualifyLead', { reason: 'x' }))
        .thenThrows(LeadError, invalid('converted'));
      spec
        .given([captured, merged])
        .when(command('DisqualifyLead', { reason: 'x' }))
        .thenThrows(LeadError, invalid('merged'));
      spec
        .given([])
        .when(command('DisqualifyLead', { reason: 'x' }))
        .thenThrows(LeadError, notFound);
    });
  });

  describe('NurtureLead', () => {
    it('puts a lead, also a disqualified one, into nurturing', () => {
      const nurtured: LeadEvent = {
        type: 'LeadNurtured',
        data: { leadId: 'lead-1', until: '2026-06-01', note: 'call after budget round', nurturedAt: now },
      };
      spec
        .given([captured])
        .when(command('NurtureLead', { until: '2026-06-01', note: 'call after budget round' }))
        .then([nurtured]);
      spec
        .given([captured, disqualified])
        .when(command('NurtureLead', { until: '2026-06-01', note: 'call after budget round' }))
        .then([nurtured]);
    });

    it('refuses converted, merged and missing leads', () => {
      spec
        .given([captured, qualified, converted])
        .when(command('NurtureLead', {}))
        .thenThrows(LeadError, invalid('converted'));
      spec.given([captured, merged]).when(command('NurtureLead', {})).thenThrows(LeadError, invalid('merged'));
      spec.given([]).when(command('NurtureLead', {})).thenThrows(LeadError, notFound);
    });
  });

  describe('AssignLead', () => {
    const assign = (repId: string): LeadCommand =>
      command('AssignLead', { repId, rule: { kind: 'manual', detail: 'by u1' } });

    it('assigns, then reassigns naming the previous rep and the rule', () => {
      spec
        .given([captured])
        .when(assign('rep-1'))
        .then([assigned('rep-1')]);
      spec
        .given([captured, assigned('rep-1')])
        .when(assign('rep-2'))
        .then([assigned('rep-2', 'rep-1')]);
    });

    it('does nothing when the rep already owns the lead', () => {
      spec
        .given([captured, assigned('rep-1')])
        .when(assign('rep-1'))
        .thenNothingHappens();
    });

    it('refuses closed and missing leads', () => {
      spec.given([captured, disqualified]).when(assign('rep-1')).thenThrows(LeadError, invalid('disqualified'));
      spec.given([captured, qualified, converted]).when(assign('rep-1')).thenThrows(LeadError, invalid('converted'));
      spec.given([]).when(assign('rep-1')).thenThrows(LeadError, notFound);
    });
  });

  describe('ConvertLead', () => {
    it('converts a qualified lead into an opportunity', () => {
      spec
        .given([captured, qualified])
        .when(command('ConvertLead', { opportunityId: 'opp-1' }))
        .then([converted]);
    });

    it('refuses leads that are not qualified, and missing ones', () => {
      spec
        .given([captured])
        .when(command('ConvertLead', { opportunityId: 'opp-1' }))
        .thenThrows(LeadError, invalid('new'));
      spec
        .given([captured, qualified, converted])
        .when(command('ConvertLead', { opportunityId: 'opp-2' }))
        .thenThrows(LeadError, invalid('converted'));
      spec
        .given([])
        .when(command('ConvertLead', { opportunityId: 'opp-1' }))
        .thenThrows(LeadError, notFound);
    });
  });

  describe('division isolation', () => {
    it('reports a lead of another division as not found, for every command', () => {
      const elsewhere = { ...metadata, divisionId: 'south' };
      const commands: LeadCommand[] = [
        { type: 'QualifyLead', data: {}, metadata: elsewhere },
        { type: 'DisqualifyLead', data: { reason: 'x' }, metadata: elsewhere },
        { type: 'NurtureLead', data: {}, metadata: elsewhere },
        { type: 'AssignLead', data: { repId: 'rep-1', rule: { kind: 'manual', detail: 'x' } }, metadata: elsewhere },
        { type: 'ConvertLead', data: { opportunityId: 'opp-1' }, metadata: elsewhere },
        { type: 'MergeLead', data: { intoLeadId: 'lead-0' }, metadata: elsewhere },
        { type: 'RematchLeadSegments', data: { activeSegments: [] }, metadata: elsewhere },
        { type: 'ReviseLeadDetails', data: { changes: { territory: 'x' }, activeSegments: [] }, metadata: elsewhere },
      ];
      for (const other of commands)
        spec.given([captured, scored, qualified]).when(other).thenThrows(LeadError, notFound);
    });
  });

  describe('MergeLead', () => {
    it('merges a duplicate into the surviving lead', () => {
      spec
        .given([captured])
        .when(command('MergeLead', { intoLeadId: 'lead-0' }))
        .then([merged]);
    });

    it('refuses a merge into itself, converted, merged and missing leads', () => {
      spec
        .given([captured])
        .when(command('MergeLead', { intoLeadId: 'lead-1' }))
        .thenThrows(LeadError, { code: LeadErrorCode.SelfMerge });
      spec
        .given([captured, qualified, converted])
        .when(command('MergeLead', { intoLeadId: 'lead-0' }))
        .thenThrows(LeadError, invalid('converted'));
      spec
        .given([captured, merged])
        .when(command('MergeLead', { intoLeadId: 'lead-9' }))
        .thenThrows(LeadError, invalid('merged'));
      spec
        .given([])
        .when(command('MergeLead', { intoLeadId: 'lead-0' }))
        .thenThrows(LeadError, notFound);
    });
  });
});
