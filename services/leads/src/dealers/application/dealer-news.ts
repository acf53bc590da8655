import {
  DealerActivatedV1,
  DealerReinstatedV1,
  DealerSuspendedV1,
  DealerTerminatedV1,
  type IntegrationEvent,
  isEventOf,
} from '@salesos/contracts';
import type { DealerNews } from '../domain/dealer-standing.decider';
import type { DealerStanding } from '../domain/dealer-standing.events';

function news(
  data: { dealerId: string; divisionId: string; channelId?: string },
  standing: DealerStanding,
  since: string,
): DealerNews {
  const { dealerId, divisionId, channelId } = data;
  return { dealerId, divisionId, ...(channelId === undefined ? {} : { channelId }), standing, since };
}

/** The standing a dealer event of the channels service gives its dealer, and since when; none for other events. */
export function dealerNewsOf(event: IntegrationEvent): DealerNews | undefined {
  if (isEventOf(DealerActivatedV1, event)) return news(event.data, 'active', event.data.activatedAt);
  if (isEventOf(DealerReinstatedV1, event)) return news(event.data, 'active', event.data.reinstatedAt);
  if (isEventOf(DealerSuspendedV1, event)) return news(event.data, 'suspended', event.data.suspendedAt);
  if (isEventOf(DealerTerminatedV1, event)) {
    return { ...news(event.data, 'terminated', event.data.terminatedAt), lastDay: event.data.effectiveDay };
  }
  return undefined;
}
