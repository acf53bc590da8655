import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { Unit } from '../domain/unit.decider';
import { unitInReach, unitNotFound, UnitStreams } from './unit-streams';

/** One unit as its stream has it, with every manager assignment; another division's unit reads as not found. */
@Injectable()
export class ReadUnitQuery {
  constructor(@Inject(UnitStreams) private readonly units: UnitStreams) {}

  async execute(unitId: string, caller: RequestContext): Promise<{ unit: Unit; version: number }> {
    const { state, version } = await this.units.load(unitId);
    if (state.status === 'none' || !unitInReach(caller, state)) throw unitNotFound(unitId);
    return { unit: state, version };
  }
}
