import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { UnitDirectory } from './unit-directory.port';
import { UnitMembership } from './unit-membership.port';
import { UnitStreams } from './unit-streams';

/**
 * Closes a unit from a day on, once nobody belongs to it from then and no unit below it stays open; what the
 * membership and the tree say is read here and decided on by the unit.
 */
@Injectable()
export class CloseUnitHandler {
  constructor(
    @Inject(UnitStreams) private readonly units: UnitStreams,
    @Inject(UnitDirectory) private readonly directory: UnitDirectory,
    @Inject(UnitMembership) private readonly membership: UnitMembership,
  ) {}

  async execute(
    unitId: string,
    closing: { reason: string; effectiveOn: string },
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    const { divisionId } = caller;
    const [memberCount, below] = await Promise.all([
      this.membership.memberCount(divisionId, unitId, closing.effectiveOn),
      this.directory.unitsBelow(divisionId, unitId),
    ]);
    const openUnitIds = below
      .filter((unit) => unit.closedOn === undefined || unit.closedOn > closing.effectiveOn)
      .map((unit) => unit.unitId);
    return this.units.run(unitId, caller, expectedVersion, {
      type: 'CloseUnit',
      data: { ...closing, memberCount, openUnitIds },
    });
  }
}
