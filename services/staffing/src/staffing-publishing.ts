import { ContractRegistry, type IntegrationEvent, staffingContracts } from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';
import type { PublishedSource, ServicePublishing } from '@salesos/messaging';
import { mapUnitEvent } from './organisation';
import { mapPersonEvent } from './people';
import { mapTrainingEvent } from './training';

/**
 * The stream categories the staffing service publishes from: `unit-<unitId>`, `person-<personId>` and
 * `training-<personId>`. Each feature's mapper reads only its own category.
 */
export const publishedCategories = ['unit', 'person', 'training'];

/** Everything the staffing service publishes for one stored event: the relay's mapping, and a rebuild's. */
export function mapStaffingIntegrationEvents(event: RecordedEvent): IntegrationEvent[] {
  return [...mapUnitEvent(event), ...mapPersonEvent(event), ...mapTrainingEvent(event)];
}

/** What the staffing service publishes, and from which streams: its relay's source, and a stored history's. */
export const staffingPublishedSource = (): PublishedSource => ({
  categories: publishedCategories,
  map: mapStaffingIntegrationEvents,
  registry: new ContractRegistry(staffingContracts),
});

/** Where the staffing service publishes. */
export type StaffingPublishing = ServicePublishing;
