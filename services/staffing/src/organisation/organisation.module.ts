import { Module } from '@nestjs/common';
import { PositionsController } from './api/positions.controller';
import { UnitsController } from './api/units.controller';
import { AssignUnitManagerHandler } from './application/assign-unit-manager.handler';
import { CloseUnitHandler } from './application/close-unit.handler';
import { DefinePositionHandler } from './application/define-position.handler';
import { OpenUnitHandler } from './application/open-unit.handler';
import { PositionDirectory } from './application/position-directory.port';
import { PositionStreams } from './application/position-streams';
import { ReadPositionQuery } from './application/read-position.query';
import { ReadUnitQuery } from './application/read-unit.query';
import { ReadUnitTreeQuery } from './application/read-unit-tree.query';
import { RetirePositionHandler } from './application/retire-position.handler';
import { RevisePositionHandler } from './application/revise-position.handler';
import { ReviseUnitHandler } from './application/revise-unit.handler';
import { UnitDirectory } from './application/unit-directory.port';
import { UnitStreams } from './application/unit-streams';
import { PositionsTable } from './projections/positions.table';
import { UnitsTable } from './projections/units.table';

/**
 * The division's sales organisation: its units and positions, which people, training and scorecards refer to. Who
 * belongs to a unit (`UnitMembership`) is the service composition's to give: the people feature knows it, and
 * depends on the organisation, so the organisation cannot ask it directly.
 */
@Module({
  controllers: [UnitsController, PositionsController],
  providers: [
    UnitsTable,
    { provide: UnitDirectory, useExisting: UnitsTable },
    PositionsTable,
    { provide: PositionDirectory, useExisting: PositionsTable },
    UnitStreams,
    PositionStreams,
    ReadUnitTreeQuery,
    ReadUnitQuery,
    ReadPositionQuery,
    OpenUnitHandler,
    ReviseUnitHandler,
    AssignUnitManagerHandler,
    CloseUnitHandler,
    DefinePositionHandler,
    RevisePositionHandler,
    RetirePositionHandler,
  ],
  exports: [
    UnitDirectory,
    PositionDirectory,
    OpenUnitHandler,
    AssignUnitManagerHandler,
    CloseUnitHandler,
    DefinePositionHandler,
  ],
})
export class OrganisationModule {}
