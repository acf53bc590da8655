import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { PositionProfile } from '../domain/position.events';
import { PositionStreams } from './position-streams';

/** Revises a position's title, duties and required certifications as a whole. */
@Injectable()
export class RevisePositionHandler {
  constructor(@Inject(PositionStreams) private readonly positions: PositionStreams) {}

  execute(positionId: string, profile: PositionProfile, caller: RequestContext, expectedVersion?: number) {
    return this.positions.run(positionId, caller, expectedVersion, { type: 'RevisePosition', data: profile });
  }
}
