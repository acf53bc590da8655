import type { EventStore } from '@salesos/event-store';
import { CallerCommands, type Clock, type IdGenerator } from '@salesos/http';
import type { ServiceViews } from '@salesos/projections';
import type { ProgrammeCommand } from '../domain/programme.commands';
import { type Programme, programmeDecider, type ProgrammeState } from '../domain/programme.decider';
import type { ProgrammeEvent } from '../domain/programme.events';
import { TrainingError, TrainingErrorCode } from '../domain/training.errors';

export const programmeNotFound = (programmeId: string, field?: string) =>
  new TrainingError(TrainingErrorCode.ProgrammeNotFound, `No programme ${programmeId} in your division`, field);

/**
 * Each programme is one stream, `programme-<programmeId>`, of one division; the division's managers act on it. Built
 * by the service's module, which owns the store and the views.
 */
export class ProgrammeStreams extends CallerCommands<ProgrammeState, ProgrammeCommand, ProgrammeEvent> {
  constructor(store: EventStore, clock: Clock, ids: IdGenerator, views?: Pick<ServiceViews, 'caughtUpWith'>) {
    super(store, programmeDecider, {
      category: 'programme',
      clock,
      ids,
      access: {
        ownership: (state) => (state.status === 'none' ? undefined : { divisionId: state.divisionId }),
        refuse: programmeNotFound,
      },
      ...(views === undefined ? {} : { afterAppend: (recorded) => views.caughtUpWith(recorded) }),
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
