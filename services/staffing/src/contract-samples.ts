import type { IntegrationEvent } from '@salesos/contracts';
import { SampleStream } from '@salesos/event-sourcing';
import { unitDecider } from './organisation';
import { trainingDecider } from './training';
import { personDecider } from './people';
import { mapStaffingIntegrationEvents } from './staffing-publishing';

/**
 * The contracts the staffing service defines before a feature of its own emits them: their producer is still to
 * come, so no sample can be made by it yet. Each leaves this list in the change that starts to publish it.
 */
export const contractsAwaitingTheirProducer: readonly string[] = [];

const divisionId = 'machines';
const caller = { divisionId, actor: { userId: 'manager-machines', roles: ['division-manager'] } };

/**
 * What the staffing service publishes today, produced by its own deciders and mappers for a story that sets every
 * optional field they carry: the compatibility check validates each against every released schema of its message
 * version.
 */
export function staffingContractSamples(): IntegrationEvent[] {
  const team = new SampleStream(unitDecider, 'unit-presses-south', caller)
    .run(
      {
        type: 'OpenUnit',
        data: {
          unitId: 'presses-south',
          divisionId,
          kind: 'team',
          parent: { unitId: 'machines-sales', kind: 'department', openedOn: '2025-01-01' },
          name: 'Presses South',
          productGroups: ['presses'],
          segments: ['mid-market'],
          territories: ['south'],
          effectiveOn: '2026-01-01',
        },
      },
      '2025-12-15T09:00:00.000Z',
    )
    .run(
      {
        type: 'CloseUnit',
        data: { reason: 'Merged into Presses North', effectiveOn: '2026-10-01', memberCount: 0, openUnitIds: [] },
      },
      '2026-09-20T14:00:00.000Z',
    );
  const rep = new SampleStream(personDecider, 'person-person-17', caller)
    .run(
      {
        type: 'HirePerson',
        data: {
          personId: 'person-17',
          divisionId,
          unitId: 'presses-south',
          positionId: 'account-executive',
          name: 'Mira Jansen',
          email: 'mira.jansen@example.com',
          hiredOn: '2026-02-01',
          userId: 'rep-17',
        },
      },
      '2026-01-20T10:00:00.000Z',
    )
    .run({ type: 'SetRampSchedule', data: { monthlyShares: [0.25, 0.5, 0.75, 1] } }, '2026-01-20T10:05:00.000Z')
    .run(
      {
        type: 'TransferPerson',
        data: {
          toUnitId: 'presses-north',
          toPositionId: 'senior-account-executive',
          effectiveOn: '2026-09-01',
          reason: 'Presses South merges into Presses North',
        },
      },
      '2026-08-15T08:30:00.000Z',
    )
    .run(
      { type: 'RecordDeparture', data: { departedOn: '2027-03-31', reason: 'Resigned' } },
      '2027-02-28T16:00:00.000Z',
    );
  return [...team.recorded, ...rep.recorded, ...trainingSamples()].flatMap(mapStaffingIntegrationEvents);
}

/** A rep assessed, certified, renewed and expired: every training contract with every optional field it carries. */
function trainingSamples() {
  const person = { personId: 'person-17', divisionId };
  const negotiation = {
    ...person,
    courseId: 'negotiation-basics',
    assessedBy: 'lead-3',
    passMark: 70,
    certificationValidityMonths: 12,
  };
  return new SampleStream(trainingDecider, 'training-person-17', caller)
    .run(
      {
        type: 'RecordAssessment',
        data: { ...negotiation, assessmentId: 'assessment-41', score: 82, assessedOn: '2026-03-09' },
      },
      '2026-03-09T15:20:00.000Z',
    )
    .run(
      {
        type: 'RecordAssessment',
        data: { ...negotiation, assessmentId: 'assessment-57', score: 91, assessedOn: '2027-03-01' },
      },
      '2027-03-01T10:00:00.000Z',
    )
    .run(
      { type: 'ExpireCertification', data: { courseId: 'negotiation-basics', expiresOn: '2028-03-01' } },
      '2028-03-01T01:00:00.000Z',
    ).recorded;
}
