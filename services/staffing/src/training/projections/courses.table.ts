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
import { CourseCatalogue, type CourseRecord } from '../application/course-catalogue.port';
import { type Course, courseDecider, type CourseState } from '../domain/course.decider';
import { type CourseEvent, courseEvents } from '../domain/course.events';

const recordOf = (row: SqlRow): CourseRecord => ({
  ...(JSON.parse(String(row.state)) as Course),
  version: toNumber(row.version),
});

/** Each course, folded with the course decider's own `evolve`, listed by title. */
@Injectable()
export class CoursesTable extends CourseCatalogue {
  readonly projection: StoreProjection = aggregateTable<CourseState, CourseEvent>({
    name: 'courses',
    category: 'course',
    table: 'staffing_course',
    idColumn: 'course_id',
    codec: courseEvents,
    evolve: (state, event) => courseDecider.evolve(state, event),
    initialState: () => courseDecider.initialState(),
    columns: (course) =>
      course.status === 'none'
        ? undefined
        : { division_id: course.divisionId, status: course.status, title: course.title },
  });

  constructor(
    @Inject(STAFFING_VIEWS) views: ServiceViews,
    @Inject(STAFFING_DATABASE) private readonly db: DataSource,
  ) {
    super();
    views.register(this.projection);
  }

  async course(divisionId: string, courseId: string): Promise<CourseRecord | undefined> {
    const sql = Sql.for(this.db);
    const [row] = await sql.run(
      this.db,
      `SELECT state, version FROM staffing_course
        WHERE course_id = ${sql.param(courseId)} AND division_id = ${sql.param(divisionId)}`,
    );
    return row === undefined ? undefined : recordOf(row);
  }

  async coursesOf(divisionId: string, status?: Course['status']): Promise<CourseRecord[]> {
    const sql = Sql.for(this.db);
    const conditions = [`division_id = ${sql.param(divisionId)}`];
    if (status !== undefined) conditions.push(`status = ${sql.param(status)}`);
    const rows = await sql.run(
      this.db,
      `SELECT state, version FROM staffing_course WHERE ${conditions.join(' AND ')}
        ORDER BY ${sql.binary('title')}, ${sql.binary('course_id')}`,
    );
    return rows.map(recordOf);
  }
}
