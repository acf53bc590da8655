import { Inject, Injectable } from '@nestjs/common';
import { isOpenOn, PositionDirectory, UnitDirectory } from '../../organisation';
import { Placements } from './placements.port';

/** Where people may be placed, as the organisation's views have the division's units and positions. */
@Injectable()
export class OrganisationPlacements extends Placements {
  constructor(
    @Inject(UnitDirectory) private readonly units: UnitDirectory,
    @Inject(PositionDirectory) private readonly positions: PositionDirectory,
  ) {
    super();
  }

  async unitTakesMembers(divisionId: string, unitId: string, day: string): Promise<boolean> {
    const unit = await this.units.unit(divisionId, unitId);
    return unit !== undefined && unit.status === 'open' && isOpenOn(unit, day);
  }

  async positionIsOpen(divisionId: string, positionId: string): Promise<boolean> {
    const position = await this.positions.position(divisionId, positionId);
    return position?.status === 'active';
  }
}
