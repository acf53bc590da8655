import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator } from '@salesos/http';
import { ServiceViews } from '@salesos/projections';
import { CHANNELS_VIEWS, EVENT_STORE } from '../../core/channels-service.tokens';
import type { ContactCommand } from '../domain/contact.commands';
import { contactDecider, type ContactState } from '../domain/contact.decider';
import type { ContactEvent } from '../domain/contact.events';

/**
 * Each contact with a dealer is one stream, `contact-<contactId>`. Only the organisation writes to them; the decider
 * keeps each to its division.
 */
@Injectable()
export class ContactStreams extends CallerCommands<ContactState, ContactCommand, ContactEvent> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    clock: Clock,
    ids: IdGenerator,
    @Inject(CHANNELS_VIEWS) views: ServiceViews,
  ) {
    super(store, contactDecider, {
      category: 'contact',
      clock,
      ids,
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }
}
