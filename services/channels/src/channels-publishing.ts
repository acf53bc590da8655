import { channelsContracts, ContractRegistry, type IntegrationEvent } from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';
import type { PublishedSource, ServicePublishing } from '@salesos/messaging';

/** The stream categories the channels service publishes from; each feature that publishes adds its own. */
export const publishedCategories: string[] = [];

/** Everything the channels service publishes for one stored event: the relay's mapping, and a rebuild's. */
export function mapChannelsIntegrationEvents(_event: RecordedEvent): IntegrationEvent[] {
  return [];
}

/** What the channels service publishes, and from which streams: its relay's source, and a stored history's. */
export const channelsPublishedSource = (): PublishedSource => ({
  categories: publishedCategories,
  map: mapChannelsIntegrationEvents,
  registry: new ContractRegistry(channelsContracts),
});

/** Where the channels service publishes. */
export type ChannelsPublishing = ServicePublishing;
