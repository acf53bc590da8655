import type { IntegrationEvent } from '@salesos/contracts';
import { SampleStream } from '@salesos/event-sourcing';
import { unitDecider } from './organisation';
import { mapStaffingIntegrationEvents } from './staffing-publishing';

/**
 * The contracts the staffing service defines before a feature of its own emits them: their producer is still to
 * come, so no sample can be made by it yet. Each leaves this list in the change that starts to publish it.
 */
export const contractsAwaitingTheirProducer: readonly string[] = [
  'salesos.staffing.MemberJoined.v1',
  'salesos.staffing.MemberTransferred.v1',
  'salesos.staffing.MemberLeft.v1',
];

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
  return team.recorded.flatMap(mapStaffingIntegrationEvents);
}
