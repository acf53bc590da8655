import { Inject, Injectable } from '@nestjs/common';
import type { UnitKind } from '@salesos/contracts';
import type { RequestContext } from '@salesos/http';
import type { ParentUnit } from '../domain/unit.commands';
import type { UnitProfile } from '../domain/unit.events';
import { UnitDirectory } from './unit-directory.port';
import { UnitStreams } from './unit-streams';

export type UnitOpening = UnitProfile & {
  unitId: string;
  kind: UnitKind;
  /** None: right under the division. */
  parentUnitId?: string;
  effectiveOn: string;
};

/** Opens a unit of the caller's division, right under the division or under a unit the division has. */
@Injectable()
export class OpenUnitHandler {
  constructor(
    @Inject(UnitStreams) private readonly units: UnitStreams,
    @Inject(UnitDirectory) private readonly directory: UnitDirectory,
  ) {}

  async execute(opening: UnitOpening, caller: RequestContext, expectedVersion?: number) {
    const { parentUnitId, ...unit } = opening;
    const parent =
      parentUnitId === undefined
        ? undefined
        : parentOf(await this.directory.requireUnit(caller.divisionId, parentUnitId, 'parentUnitId'));
    return this.units.run(opening.unitId, caller, expectedVersion, {
      type: 'OpenUnit',
      data: { ...unit, divisionId: caller.divisionId, ...(parent === undefined ? {} : { parent }) },
    });
  }
}

function parentOf(unit: ParentUnit): ParentUnit {
  return {
    unitId: unit.unitId,
    kind: unit.kind,
    openedOn: unit.openedOn,
    ...(unit.closedOn === undefined ? {} : { closedOn: unit.closedOn }),
  };
}
