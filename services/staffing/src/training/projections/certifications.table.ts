import { Inject, Injectable } from '@nestjs/common';
import type { CalendarDay } from '@salesos/kernel';
import type { RecordedEvent } from '@salesos/event-store';
import { type ServiceViews, Sql, type SqlRow, type StoreProjection, upsertRows } from '@salesos/projections';
import type { DataSource, EntityManager } from 'typeorm';
import { STAFFING_DATABASE, STAFFING_VIEWS } from '../../core/staffing-service.tokens';
import { CertificationCalendar, type ExpiringCertification } from '../application/certification-calendar.port';
import type { DueCertification } from '../application/due-certifications.port';
import { trainingEvents } from '../domain/training.events';

/** People per statement when a unit's certifications are read: under either engine's limit on parameters. */
const peoplePerStatement = 500;

interface CertificationRow {
  person_id: string;
  course_id: string;
  division_id: string;
  assessment_id: string;
  granted_on: string;
  expires_on: string | null;
  due_on: string | null;
}

const keyOf = (personId: string, courseId: string) => `${personId}\u0000${courseId}`;

/**
 * Each person's current certification of each course, from the grants and expiries of their training streams: a
 * grant replaces the row (a pass only grants what outlasts the certification held), an expiry takes it off the
 * timer's index. `due_on` is the expiry day while the expiry is not recorded; null once it is, or for good.
 */
async function applyCertifications(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
  const granted = new Map<string, CertificationRow>();
  const expiredBefore: Array<{ personId: string; courseId: string; expiresOn: string }> = [];
  for (const recorded of events) {
    if (recorded.type !== 'CertificationGranted' && recorded.type !== 'CertificationExpired') continue;
    const event = trainingEvents.decode(recorded);
    if (event.type === 'CertificationGranted') {
      const { personId, courseId, divisionId, assessmentId, grantedOn, expiresOn } = event.data;
      granted.set(keyOf(personId, courseId), {
        person_id: personId,
        course_id: courseId,
        division_id: divisionId,
        assessment_id: assessmentId,
        granted_on: grantedOn,
        expires_on: expiresOn ?? null,
        due_on: expiresOn ?? null,
      });
    } else if (event.type === 'CertificationExpired') {
      const { personId, courseId, expiresOn } = event.data;
      const row = granted.get(keyOf(personId, courseId));
      if (row === undefined) expiredBefore.push({ personId, courseId, expiresOn });
      else if (row.expires_on === expiresOn) row.due_on = null;
    }
  }
  // The expiries of rows granted before this page, then this page's grants: a grant after an expiry replaces the row.
  for (const { personId, courseId, expiresOn } of expiredBefore) {
    const sql = Sql.for(tx);
    await sql.run(
      tx,
      `UPDATE staffing_certification SET due_on = NULL
        WHERE person_id = ${sql.param(personId)} AND course_id = ${sql.param(courseId)}
          AND expires_on = ${sql.param(expiresOn)}`,
    );
  }
  await upsertRows(
    tx,
    'staffing_certification',
    ['person_id', 'course_id'],
    [...granted.values()].map((row) => ({ ...row })),
  );
}

const dueOf = (row: SqlRow): DueCertification => ({
  personId: String(row.person_id),
  divisionId: String(row.division_id),
  courseId: String(row.course_id),
  expiresOn: String(row.expires_on),
});

const expiringOf = (row: SqlRow): ExpiringCertification => ({
  ...dueOf(row),
  assessmentId: String(row.assessment_id),
  grantedOn: String(row.granted_on),
});

/** Each person's current certification of each course, indexed by the day it falls due and by expiry. */
@Injectable()
export class CertificationsTable extends CertificationCalendar {
  readonly projection: StoreProjection = {
    name: 'certifications',
    categories: ['training'],
    apply: applyCertifications,
  };

  constructor(
    @Inject(STAFFING_VIEWS) views: ServiceViews,
    @Inject(STAFFING_DATABASE) private readonly db: DataSource,
  ) {
    super();
    views.register(this.projection);
  }

  async dueBy(asOf: CalendarDay, limit: number): Promise<DueCertification[]> {
    const sql = Sql.for(this.db);
    const rows = await sql.run(
      this.db,
      `SELECT person_id, division_id, course_id, expires_on FROM staffing_certification
        WHERE due_on <= ${sql.param(asOf)}
        ORDER BY due_on, ${sql.binary('person_id')}, ${sql.binary('course_id')} LIMIT ${sql.param(limit)}`,
    );
    return rows.map(dueOf);
  }

  async expiringBetween(
    divisionId: string,
    from: CalendarDay,
    to: CalendarDay,
    personIds?: readonly string[],
  ): Promise<ExpiringCertification[]> {
    const chunks: Array<readonly string[] | undefined> = [];
    if (personIds === undefined) chunks.push(undefined);
    else
      for (let at = 0; at < personIds.length; at += peoplePerStatement) {
        chunks.push(personIds.slice(at, at + peoplePerStatement));
      }
    const found: ExpiringCertification[] = [];
    for (const people of chunks) {
      const sql = Sql.for(this.db);
      const conditions = [
        `division_id = ${sql.param(divisionId)}`,
        `expires_on > ${sql.param(from)}`,
        `expires_on <= ${sql.param(to)}`,
      ];
      if (people !== undefined) conditions.push(`person_id IN (${sql.list(people)})`);
      const rows = await sql.run(
        this.db,
        `SELECT person_id, division_id, course_id, assessment_id, granted_on, expires_on FROM staffing_certification
          WHERE ${conditions.join(' AND ')}`,
      );
      found.push(...rows.map(expiringOf));
    }
    return found.sort(
      (a, b) =>
        a.expiresOn.localeCompare(b.expiresOn) ||
        compareCodePoints(a.personId, b.personId) ||
        compareCodePoints(a.courseId, b.courseId),
    );
  }
}

const compareCodePoints = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
