import { channelsContracts, ContractRegistry, type IntegrationEvent } from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';
import type { PublishedSource, ServicePublishing } from '@salesos/messaging';
import { mapAgreementEvent } from './agreements';
import { mapDealerEvent } from './dealers';
import { mapFundEvent } from './funds';
import { mapPlanEvent } from './plans';
import { mapRegistrationEvent } from './registrations';
import { mapTierEvent } from './tiers';

/**
 * The stream categories the channels service publishes from: `dealer-<dealerId>`, `agreement-<agreementId>`,
 * `dealertier-<dealerId>` (a dealer's tier record), `plan-<dealerId>-<period>`, `funds-<dealerId>-<period>` and
 * `registration-<registrationId>`. Each feature's mapper reads only its own category.
 */
export const publishedCategories = ['dealer', 'agreement', 'dealertier', 'plan', 'funds', 'registration'];

/** Everything the channels service publishes for one stored event: the relay's mapping, and a rebuild's. */
export function mapChannelsIntegrationEvents(event: RecordedEvent): IntegrationEvent[] {
  return [
    ...mapDealerEvent(event),
    ...mapAgreementEvent(event),
    ...mapTierEvent(event),
    ...mapPlanEvent(event),
    ...mapFundEvent(event),
    ...mapRegistrationEvent(event),
  ];
}

/** What the channels service publishes, and from which streams: its relay's source, and a stored history's. */
export const channelsPublishedSource = (): PublishedSource => ({
  categories: publishedCategories,
  map: mapChannelsIntegrationEvents,
  registry: new ContractRegistry(channelsContracts),
});

/** Where the channels service publishes. */
export type ChannelsPublishing = ServicePublishing;
