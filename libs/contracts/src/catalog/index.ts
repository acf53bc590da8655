import type { IntegrationEventContract } from '../integration-event';
import { channelsContracts } from './channels.contracts';
import { leadsContracts } from './leads.contracts';

export { channelsContracts, dealRegistrationTopic } from './channels.contracts';
export { dealRegistrationDecisionTopic, leadsContracts, leadTopic, opportunityTopic } from './leads.contracts';

/** Every contract the platform publishes: the source of the AsyncAPI document. */
export const allContracts: readonly IntegrationEventContract[] = [...leadsContracts, ...channelsContracts];
