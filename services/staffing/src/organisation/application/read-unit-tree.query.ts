import { Inject, Injectable } from '@nestjs/common';
import { Clock, type RequestContext } from '@salesos/http';
import { type UnitNode, unitTree } from '../domain/unit-tree';
import { UnitDirectory } from './unit-directory.port';

/** The caller's division's organisation on a day: its units open that day, each under its parent. */
@Injectable()
export class ReadUnitTreeQuery {
  constructor(
    @Inject(UnitDirectory) private readonly units: UnitDirectory,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** On `day`, or today (in UTC) without it. */
  async execute(
    caller: RequestContext,
    day?: string,
  ): Promise<{ divisionId: string; asOf: string; units: UnitNode[] }> {
    const asOf = day ?? this.clock.now().toISOString().slice(0, 10);
    const units = await this.units.unitsOf(caller.divisionId);
    return { divisionId: caller.divisionId, asOf, units: unitTree(units, asOf) };
  }
}
