import type { IntegrationEventContract } from '../integration-event';
import { channelsContracts } from './channels.contracts';
import { leadsContracts } from './leads.contracts';
import { staffingContracts } from './staffing.contracts';

export * from './channels.contracts';
export * from './leads.contracts';
export * from './staffing.contracts';

/** Every contract the platform publishes: the source of the AsyncAPI document and of each release. */
export const allContracts: readonly IntegrationEventContract[] = [
  ...leadsContracts,
  ...channelsContracts,
  ...staffingContracts,
];
