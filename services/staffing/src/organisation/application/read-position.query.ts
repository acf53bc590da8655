import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { Position } from '../domain/position.decider';
import { positionNotFound, PositionStreams } from './position-streams';

/** One position as its stream has it; another division's position reads as not found. */
@Injectable()
export class ReadPositionQuery {
  constructor(@Inject(PositionStreams) private readonly positions: PositionStreams) {}

  async execute(positionId: string, caller: RequestContext): Promise<{ position: Position; version: number }> {
    const { state, version } = await this.positions.load(positionId);
    if (state.status === 'none' || state.divisionId !== caller.divisionId) throw positionNotFound(positionId);
    return { position: state, version };
  }
}
