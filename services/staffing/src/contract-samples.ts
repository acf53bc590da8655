import type { IntegrationEvent } from '@salesos/contracts';

/**
 * The contracts the staffing service defines before a feature of its own emits them: their producer is still to
 * come, so no sample can be made by it yet. Each leaves this list in the change that starts to publish it.
 */
export const contractsAwaitingTheirProducer: readonly string[] = [
  'salesos.staffing.UnitOpened.v1',
  'salesos.staffing.UnitClosed.v1',
  'salesos.staffing.MemberJoined.v1',
  'salesos.staffing.MemberTransferred.v1',
  'salesos.staffing.MemberLeft.v1',
];

/**
 * What the staffing service publishes today, produced by its own deciders and mappers for a story that sets every
 * optional field they carry: the compatibility check validates each against every released schema of its message
 * version.
 */
export function staffingContractSamples(): IntegrationEvent[] {
  return [];
}
