import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { CallerCommands, Clock, IdGenerator } from '@salesos/http';
import type { ServiceViews } from '@salesos/projections';
import { EVENT_STORE, STAFFING_VIEWS } from '../../core/staffing-service.tokens';
import type { ProgrammeCommand } from '../domain/programme.commands';
import { type Programme, programmeDecider, type ProgrammeState } from '../domain/programme.decider';
import type { ProgrammeEvent } from '../domain/programme.events';
import { TrainingError, TrainingErrorCode } from '../domain/training.errors';

export const programmeNotFound = (programmeId: string, field?: string) =>
  new TrainingError(TrainingErrorCode.ProgrammeNotFound, `No programme ${programmeId} in your division`, field);

/** Each programme is one stream, `programme-<programmeId>`, of one division; the division's managers act on it. */
@Injectable()
export class ProgrammeStreams extends CallerCommands<ProgrammeState, ProgrammeCommand, ProgrammeEvent> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    clock: Clock,
    ids: IdGenerator,
    @Inject(STAFFING_VIEWS) views: Pick<ServiceViews, 'caughtUpWith'>,
  ) {
    super(store, programmeDecider, {
      category: 'programme',
      clock,
      ids,
      access: {
        ownership: (state) => (state.status === 'none' ? undefined : { divisionId: state.divisionId }),
        refuse: programmeNotFound,
      },
      afterAppend: (recorded) => views.caughtUpWith(recorded),
    });
  }

  /** The division's programme while it is offered; `field` names the request's reference to it in the refusal. */
  async requireActiveProgramme(divisionId: string, programmeId: string, field = 'programmeId'): Promise<Programme> {
    const { state } = await this.load(programmeId);
    if (state.status === 'none' || state.divisionId !== divisionId) throw programmeNotFound(programmeId, field);
    if (state.status === 'retired') {
      throw new TrainingError(TrainingErrorCode.Retired, `Programme ${programmeId} is retired`, field);
    }
    return state;
  }
}
