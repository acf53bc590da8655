import { Inject, Injectable } from '@nestjs/common';
import type { CommandResult } from '@salesos/event-sourcing';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator, type RequestContext } from '@salesos/http';
import type { ServiceViews } from '@salesos/projections';
import { reachesDealer } from '../../core/dealer-reach';
import { CHANNELS_VIEWS, EVENT_STORE } from '../../core/channels-service.tokens';
import type { RegistrationCommand } from '../domain/registration.commands';
import { registrationDecider, type RegistrationState } from '../domain/registration.decider';
import { RegistrationError, RegistrationErrorCode } from '../domain/registration.errors';
import type { RegistrationEvent } from '../domain/registration.events';

export const registrationNotFound = (registrationId: string) =>
  new RegistrationError(RegistrationErrorCode.NotFound, `No deal registration ${registrationId} in your reach`);

/**
 * What the platform's own processes act as: the leads service's events and the lapse timer. The key makes each
 * command's id deterministic, so that a redelivered event or a timer firing twice records nothing twice.
 */
export function systemCaller(divisionId: string, actor: string, key: string): RequestContext {
  return {
    divisionId,
    actor: { userId: `system:${actor}`, roles: [] },
    idempotencyKey: key,
    idempotencyScope: actor,
  };
}

/** Each registration is one stream, `registration-<registrationId>`; a dealer's users reach their own dealer's. */
@Injectable()
export class RegistrationStreams extends CallerCommands<RegistrationState, RegistrationCommand, RegistrationEvent> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    clock: Clock,
    ids: IdGenerator,
    @Inject(CHANNELS_VIEWS) views: ServiceViews,
  ) {
    super(store, registrationDecider, {
      category: 'registration',
      clock,
      ids,
      access: {
        ownership: (state) =>
          state.status === 'none' ? undefined : { divisionId: state.divisionId, dealerId: state.dealerId },
        refuse: registrationNotFound,
      },
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }

  /** The registration as it stands, when the caller may see it; anything else reads as not found. */
  async read(registrationId: string, caller: RequestContext) {
    const { state, version } = await this.load(registrationId);
    if (state.status === 'none' || state.divisionId !== caller.divisionId || !reachesDealer(caller, state.dealerId)) {
      throw registrationNotFound(registrationId);
    }
    return { state, version };
  }

  /** A command of the platform's own processes on a registration. */
  runAsSystem(
    registrationId: string,
    caller: RequestContext,
    command: Omit<RegistrationCommand, 'metadata'>,
  ): Promise<CommandResult<RegistrationState, RegistrationEvent>> {
    return this.run(registrationId, caller, undefined, command);
  }
}
