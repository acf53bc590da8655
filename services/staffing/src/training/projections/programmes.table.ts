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
import { ProgrammeCatalogue, type ProgrammeRecord } from '../application/programme-catalogue.port';
import { type Programme, programmeDecider, type ProgrammeState } from '../domain/programme.decider';
import { type ProgrammeEvent, programmeEvents } from '../domain/programme.events';

const recordOf = (row: SqlRow): ProgrammeRecord => ({
  ...(JSON.parse(String(row.state)) as Programme),
  version: toNumber(row.version),
});

/** Each programme, folded with the programme decider's own `evolve`, listed by title. */
@Injectable()
export class ProgrammesTable extends ProgrammeCatalogue {
  readonly projection: StoreProjection = aggregateTable<ProgrammeState, ProgrammeEvent>({
    name: 'programmes',
    category: 'programme',
    table: 'staffing_programme',
    idColumn: 'programme_id',
    codec: programmeEvents,
    evolve: (state, event) => programmeDecider.evolve(state, event),
    initialState: () => programmeDecider.initialState(),
    columns: (programme) =>
      programme.status === 'none'
        ? undefined
        : { division_id: programme.divisionId, status: programme.status, title: programme.title },
  });

  constructor(
    @Inject(STAFFING_VIEWS) views: ServiceViews,
    @Inject(STAFFING_DATABASE) private readonly db: DataSource,
  ) {
    super();
    views.register(this.projection);
  }

  async programme(divisionId: string, programmeId: string): Promise<ProgrammeRecord | undefined> {
    const sql = Sql.for(this.db);
    const [row] = await sql.run(
      this.db,
      `SELECT state, version FROM staffing_programme
        WHERE programme_id = ${sql.param(programmeId)} AND division_id = ${sql.param(divisionId)}`,
    );
    return row === undefined ? undefined : recordOf(row);
  }

  async programmesOf(divisionId: string, status?: Programme['status']): Promise<ProgrammeRecord[]> {
    const sql = Sql.for(this.db);
    const conditions = [`division_id = ${sql.param(divisionId)}`];
    if (status !== undefined) conditions.push(`status = ${sql.param(status)}`);
    const rows = await sql.run(
      this.db,
      `SELECT state, version FROM staffing_programme WHERE ${conditions.join(' AND ')}
        ORDER BY ${sql.binary('title')}, ${sql.binary('programme_id')}`,
    );
    return rows.map(recordOf);
  }
}
