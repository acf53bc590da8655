import { Inject, Injectable } from '@nestjs/common';
import type { IntegrationEvent } from '@salesos/contracts';
import { CommandHandler } from '@salesos/event-sourcing';
import type { EventStore } from '@salesos/event-store';
import { Clock } from '@salesos/http';
import { ServiceViews } from '@salesos/projections';
import { EVENT_STORE } from '../../core/leads-service.tokens';
import {
  dealerStandingDecider,
  type DealerStandingState,
  type RecordDealerStanding,
} from '../domain/dealer-standing.decider';
import type { DealerStandingEvent } from '../domain/dealer-standing.events';
import { dealerNewsOf } from './dealer-news';

/** Each dealer the channels service tells of is one stream, `channeldealer-<dealerId>`. */
export const dealerStreamOf = (dealerId: string): string => `channeldealer-${dealerId}`;

/**
 * Records what a dealer event of the channels service says of the dealer's standing. The command id is the
 * message id, so a redelivery appends nothing; the decider drops news older than what is known. It answers once the
 * service's view holds the news, so an attribution made after the message was taken sees the dealer.
 */
@Injectable()
export class RecordDealerStandingHandler {
  private readonly handler: CommandHandler<DealerStandingState, RecordDealerStanding, DealerStandingEvent>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(ServiceViews) private readonly views: ServiceViews,
  ) {
    this.handler = new CommandHandler(store, dealerStandingDecider);
  }

  async execute(event: IntegrationEvent): Promise<DealerStandingEvent[]> {
    const news = dealerNewsOf(event);
    if (news === undefined) return [];
    const result = await this.handler.handle(dealerStreamOf(news.dealerId), {
      type: 'RecordDealerStanding',
      data: news,
      metadata: {
        commandId: event.id,
        now: this.clock.now().toISOString(),
        divisionId: news.divisionId,
        actor: { userId: 'salesos:channels-dealers', roles: ['system'] },
        ...(event.correlationId ? { correlationId: event.correlationId } : {}),
        causationId: event.id,
      },
    });
    await this.views.caughtUpWith(result.recorded);
    return result.events;
  }
}
