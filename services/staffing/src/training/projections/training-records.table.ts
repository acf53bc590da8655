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
import { TrainingRecords, type TrainingRecordView } from '../application/training-records.port';
import { trainingDecider } from '../domain/training.decider';
import { type TrainingEvent, trainingEvents } from '../domain/training.events';
import type { TrainingRecord, TrainingState } from '../domain/training.state';

/** People per statement when a unit's records are read: under either engine's limit on parameters. */
const peoplePerStatement = 500;

const recordOf = (row: SqlRow): TrainingRecordView => ({
  ...(JSON.parse(String(row.state)) as TrainingRecord),
  version: toNumber(row.version),
});

/** Each person's training record, folded with the training decider's own `evolve`. */
@Injectable()
export class TrainingRecordsTable extends TrainingRecords {
  readonly projection: StoreProjection = aggregateTable<TrainingState, TrainingEvent>({
    name: 'training-records',
    category: 'training',
    table: 'staffing_training_record',
    idColumn: 'person_id',
    codec: trainingEvents,
    evolve: (state, event) => trainingDecider.evolve(state, event),
    initialState: () => trainingDecider.initialState(),
    columns: (record) => (record.status === 'none' ? undefined : { division_id: record.divisionId }),
  });

  constructor(
    @Inject(STAFFING_VIEWS) views: ServiceViews,
    @Inject(STAFFING_DATABASE) private readonly db: DataSource,
  ) {
    super();
    views.register(this.projection);
  }

  async record(divisionId: string, personId: string): Promise<TrainingRecordView | undefined> {
    const sql = Sql.for(this.db);
    const [row] = await sql.run(
      this.db,
      `SELECT state, version FROM staffing_training_record
        WHERE person_id = ${sql.param(personId)} AND division_id = ${sql.param(divisionId)}`,
    );
    return row === undefined ? undefined : recordOf(row);
  }

  async recordsOf(divisionId: string, personIds: readonly string[]): Promise<TrainingRecordView[]> {
    const records: TrainingRecordView[] = [];
    for (let start = 0; start < personIds.length; start += peoplePerStatement) {
      const sql = Sql.for(this.db);
      const rows = await sql.run(
        this.db,
        `SELECT state, version FROM staffing_training_record
          WHERE division_id = ${sql.param(divisionId)}
            AND person_id IN (${sql.list(personIds.slice(start, start + peoplePerStatement))})`,
      );
      records.push(...rows.map(recordOf));
    }
    return records;
  }
}
