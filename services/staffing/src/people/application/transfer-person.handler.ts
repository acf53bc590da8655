import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { TransferPerson } from '../domain/person.commands';
import { PersonStreams } from './person-streams';
import { Placements } from './placements.port';

/**
 * Moves a person to another of the division's open units or positions from a day, which may lie in the future: the
 * transfer is stored now and the membership changes on that day.
 */
@Injectable()
export class TransferPersonHandler {
  constructor(
    @Inject(PersonStreams) private readonly people: PersonStreams,
    @Inject(Placements) private readonly placements: Placements,
  ) {}

  async execute(personId: string, transfer: TransferPerson['data'], caller: RequestContext, expectedVersion?: number) {
    await this.placements.requirePlacement(
      caller.divisionId,
      {
        ...(transfer.toUnitId === undefined ? {} : { unitId: transfer.toUnitId }),
        ...(transfer.toPositionId === undefined ? {} : { positionId: transfer.toPositionId }),
      },
      transfer.effectiveOn,
      { unitId: 'toUnitId', positionId: 'toPositionId' },
    );
    return this.people.run(personId, caller, expectedVersion, { type: 'TransferPerson', data: transfer });
  }
}
