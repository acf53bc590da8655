import { ContractRegistry, type IntegrationEvent, leadsContracts } from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';
import type { PublishedSource, ServicePublishing } from '@salesos/messaging';
import { mapDealRegistrationEvent } from './deal-registrations';
import { mapLeadEvent } from './leads';
import { mapOpportunityEvent } from './opportunities';

/** The stream categories the leads service publishes from. */
export const publishedCategories = ['lead', 'opportunity', 'dealregistration'];

/** Everything the leads service publishes for one stored event: the relay's mapping, and a rebuild's. */
export function mapLeadsIntegrationEvents(event: RecordedEvent): IntegrationEvent[] {
  return [...mapLeadEvent(event), ...mapOpportunityEvent(event), ...mapDealRegistrationEvent(event)];
}

/** What the leads service publishes, and from which streams: its relay's source, and a stored history's. */
export const leadsPublishedSource = (): PublishedSource => ({
  categories: publishedCategories,
  map: mapLeadsIntegrationEvents,
  registry: new ContractRegistry(leadsContracts),
});

/** Where the leads service publishes. */
export type LeadsPublishing = ServicePublishing;
