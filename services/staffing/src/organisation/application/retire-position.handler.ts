import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { PositionStreams } from './position-streams';

/** Retires a position with the reason: it stays readable, and nobody is given it any more. */
@Injectable()
export class RetirePositionHandler {
  constructor(@Inject(PositionStreams) private readonly positions: PositionStreams) {}

  execute(positionId: string, reason: string, caller: RequestContext, expectedVersion?: number) {
    return this.positions.run(positionId, caller, expectedVersion, { type: 'RetirePosition', data: { reason } });
  }
}
