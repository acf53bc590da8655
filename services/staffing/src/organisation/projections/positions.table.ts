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
import { PositionDirectory, type PositionRecord } from '../application/position-directory.port';
import { type Position, positionDecider, type PositionState } from '../domain/position.decider';
import { type PositionEvent, positionEvents } from '../domain/position.events';

const recordOf = (row: SqlRow): PositionRecord => ({
  ...(JSON.parse(String(row.state)) as Position),
  version: toNumber(row.version),
});

/** Each position, folded with the position decider's own `evolve`, listed by title. */
@Injectable()
export class PositionsTable extends PositionDirectory {
  readonly projection: StoreProjection = aggregateTable<PositionState, PositionEvent>({
    name: 'positions',
    category: 'position',
    table: 'staffing_position',
    idColumn: 'position_id',
    codec: positionEvents,
    evolve: (state, event) => positionDecider.evolve(state, event),
    initialState: () => positionDecider.initialState(),
    columns: (position) =>
      position.status === 'none'
        ? undefined
        : { division_id: position.divisionId, status: position.status, title: position.title },
  });

  constructor(
    @Inject(STAFFING_VIEWS) views: ServiceViews,
    @Inject(STAFFING_DATABASE) private readonly db: DataSource,
  ) {
    super();
    views.register(this.projection);
  }

  async position(divisionId: string, positionId: string): Promise<PositionRecord | undefined> {
    const sql = Sql.for(this.db);
    const [row] = await sql.run(
      this.db,
      `SELECT state, version FROM staffing_position
        WHERE position_id = ${sql.param(positionId)} AND division_id = ${sql.param(divisionId)}`,
    );
    return row === undefined ? undefined : recordOf(row);
  }

  async positionsOf(divisionId: string, status?: Position['status']): Promise<PositionRecord[]> {
    const sql = Sql.for(this.db);
    const conditions = [`division_id = ${sql.param(divisionId)}`];
    if (status !== undefined) conditions.push(`status = ${sql.param(status)}`);
    const rows = await sql.run(
      this.db,
      `SELECT state, version FROM staffing_position WHERE ${conditions.join(' AND ')}
        ORDER BY ${sql.binary('title')}, ${sql.binary('position_id')}`,
    );
    return rows.map(recordOf);
  }
}
