import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { PositionProfile } from '../domain/position.events';
import { PositionStreams } from './position-streams';

/** Defines a position of the caller's division under an id of the caller's choosing. */
@Injectable()
export class DefinePositionHandler {
  constructor(@Inject(PositionStreams) private readonly positions: PositionStreams) {}

  execute(positionId: string, profile: PositionProfile, caller: RequestContext, expectedVersion?: number) {
    return this.positions.run(positionId, caller, expectedVersion, {
      type: 'DefinePosition',
      data: { ...profile, positionId, divisionId: caller.divisionId },
    });
  }
}
