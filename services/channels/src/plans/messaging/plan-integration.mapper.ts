import { DealerPlanSetV1, eventOf, type IntegrationEvent } from '@salesos/contracts';
import type { RecordedEvent } from '@salesos/event-store';
import { envelopeOf } from '@salesos/messaging';
import { planEvents } from '../domain/plan.events';

/**
 * What the world learns of a dealer's plan: each revision as it is set. The actuals recorded against it come from the
 * leads service's won deals, which consumers read there.
 */
export function mapPlanEvent(recorded: RecordedEvent): IntegrationEvent[] {
  if (!recorded.metadata.streamId.startsWith('plan-')) return [];
  const event = planEvents.decode(recorded);
  const envelope = envelopeOf(recorded);
  switch (event.type) {
    case 'DealerPlanSet': {
      const { dealerId, divisionId, period, revision, value, units, productMix, reason, setAt } = event.data;
      return [
        eventOf(DealerPlanSetV1, envelope, {
          dealerId,
          divisionId,
          period,
          revision,
          value,
          units,
          productMix,
          reason,
          setAt,
        }),
      ];
    }
    case 'PlanActualRecorded':
      return [];
  }
}
