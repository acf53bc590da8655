import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator, type RequestContext } from '@salesos/http';
import type { ServiceViews } from '@salesos/projections';
import { EVENT_STORE, STAFFING_VIEWS } from '../../core/staffing-service.tokens';
import type { UnitCommand } from '../domain/unit.commands';
import { type Unit, unitDecider, type UnitState } from '../domain/unit.decider';
import { OrganisationError, OrganisationErrorCode } from '../domain/organisation.errors';
import type { UnitEvent } from '../domain/unit.events';

export const unitNotFound = (unitId: string) =>
  new OrganisationError(OrganisationErrorCode.UnitNotFound, `No unit ${unitId} in your division`);

/**
 * The organisation is the division's: everyone of it reads the whole tree (the roles that change it are checked on
 * the routes), so a unit is in reach of its division's callers.
 */
export const unitInReach = (caller: RequestContext, unit: Unit): boolean => unit.divisionId === caller.divisionId;

/** Each unit is one stream, `unit-<unitId>`, acted on for callers of its division. */
@Injectable()
export class UnitStreams extends CallerCommands<UnitState, UnitCommand, UnitEvent> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    clock: Clock,
    ids: IdGenerator,
    @Inject(STAFFING_VIEWS) views: ServiceViews,
  ) {
    super(store, unitDecider, {
      category: 'unit',
      clock,
      ids,
      access: {
        ownership: (state) => (state.status === 'none' ? undefined : { divisionId: state.divisionId }),
        refuse: unitNotFound,
      },
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }
}
