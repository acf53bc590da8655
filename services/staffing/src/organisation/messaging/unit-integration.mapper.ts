import { eventOf, type IntegrationEvent, UnitClosedV1, UnitOpenedV1 } from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';
import { envelopeOf } from '@salesos/messaging';
import { unitEvents } from '../domain/unit.events';

/**
 * What the world learns of the organisation's units: each opening and each closing, from the day it takes effect.
 * Renames, new cuts and manager assignments stay inside the service.
 */
export function mapUnitEvent(recorded: RecordedEvent): IntegrationEvent[] {
  if (!recorded.metadata.streamId.startsWith('unit-')) return [];
  const event = unitEvents.decode(recorded);
  const envelope = envelopeOf(recorded);
  switch (event.type) {
    case 'UnitOpened': {
      const { unitId, divisionId, kind, name, parentUnitId, productGroups, segments, territories } = event.data;
      return [
        eventOf(UnitOpenedV1, envelope, {
          unitId,
          divisionId,
          kind,
          name,
          ...(parentUnitId === undefined ? {} : { parentUnitId }),
          productGroups,
          segments,
          territories,
          effectiveOn: event.data.effectiveOn,
          openedAt: event.data.openedAt,
        }),
      ];
    }
    case 'UnitClosed': {
      const { unitId, divisionId, reason, effectiveOn, closedAt } = event.data;
      return [eventOf(UnitClosedV1, envelope, { unitId, divisionId, reason, effectiveOn, closedAt })];
    }
    case 'UnitRevised':
    case 'UnitManagerAssigned':
      return [];
  }
}
