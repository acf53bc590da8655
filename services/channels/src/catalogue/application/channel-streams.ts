import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator } from '@salesos/http';
import { ServiceViews } from '@salesos/projections';
import { CHANNELS_VIEWS, EVENT_STORE } from '../../core/channels-service.tokens';
import { type ChannelCatalogue, type ChannelCommand, channelCatalogueDecider } from '../domain/channel.decider';
import type { ChannelEvent } from '../domain/channel.events';

/** Each division's channel catalogue is one stream, `channelcatalogue-<division>`. */
@Injectable()
export class ChannelStreams extends CallerCommands<ChannelCatalogue, ChannelCommand, ChannelEvent> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    clock: Clock,
    ids: IdGenerator,
    @Inject(CHANNELS_VIEWS) views: ServiceViews,
  ) {
    super(store, channelCatalogueDecider, {
      category: 'channelcatalogue',
      clock,
      ids,
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }
}
