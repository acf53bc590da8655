import type { IntegrationEventContract } from '../integration-event';
import { leadsContracts } from './leads.contracts';

export { leadsContracts, leadTopic, opportunityTopic } from './leads.contracts';

/** Every contract the platform publishes: the source of the AsyncAPI document. */
export const allContracts: readonly IntegrationEventContract[] = [...leadsContracts];
