import { Inject, Injectable } from '@nestjs/common';
import {
  aggregateTable,
  type ServiceViews,
  Sql,
  type SqlRow,
  type StoreProjection,
  toNumber,
} from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { STAFFING_DATABASE, STAFFING_VIEWS } from '../../core/staffing-service.tokens';
import { UnitDirectory, type UnitRecord } from '../application/unit-directory.port';
import { type Unit, unitDecider, type UnitState } from '../domain/unit.decider';
import { type UnitEvent, unitEvents } from '../domain/unit.events';

const recordOf = (row: SqlRow): UnitRecord => ({
  ...(JSON.parse(String(row.state)) as Unit),
  version: toNumber(row.version),
});

/** Each unit, folded with the unit decider's own `evolve`, with the columns the tree and its checks read by. */
@Injectable()
export class UnitsTable extends UnitDirectory {
  readonly projection: StoreProjection = aggregateTable<UnitState, UnitEvent>({
    name: 'units',
    category: 'unit',
    table: 'staffing_unit',
    idColumn: 'unit_id',
    codec: unitEvents,
    evolve: (state, event) => unitDecider.evolve(state, event),
    initialState: () => unitDecider.initialState(),
    columns: (unit) =>
      unit.status === 'none'
        ? undefined
        : {
            division_id: unit.divisionId,
            parent_unit_id: unit.parentUnitId ?? null,
            kind: unit.kind,
            status: unit.status,
          },
  });

  constructor(
    @Inject(STAFFING_VIEWS) views: ServiceViews,
    @Inject(STAFFING_DATABASE) private readonly db: DataSource,
  ) {
    super();
    views.register(this.projection);
  }

  async unit(divisionId: string, unitId: string): Promise<UnitRecord | undefined> {
    const sql = Sql.for(this.db);
    const [row] = await sql.run(
      this.db,
      `SELECT state, version FROM staffing_unit
        WHERE unit_id = ${sql.param(unitId)} AND division_id = ${sql.param(divisionId)}`,
    );
    return row === undefined ? undefined : recordOf(row);
  }

  async unitsOf(divisionId: string): Promise<UnitRecord[]> {
    const sql = Sql.for(this.db);
    const rows = await sql.run(
      this.db,
      `SELECT state, version FROM staffing_unit WHERE division_id = ${sql.param(divisionId)}
        ORDER BY ${sql.binary('unit_id')}`,
    );
    return rows.map(recordOf);
  }

  async unitsBelow(divisionId: string, unitId: string): Promise<UnitRecord[]> {
    const sql = Sql.for(this.db);
    const rows = await sql.run(
      this.db,
      `SELECT state, version FROM staffing_unit
        WHERE division_id = ${sql.param(divisionId)} AND parent_unit_id = ${sql.param(unitId)}
        ORDER BY ${sql.binary('unit_id')}`,
    );
    return rows.map(recordOf);
  }
}
