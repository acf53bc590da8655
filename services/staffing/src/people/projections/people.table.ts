import { Inject, Injectable } from '@nestjs/common';
import type { Page, RecordOwnership, RowScope } from '@salesos/http';
import {
  aggregateTable,
  type ServiceViews,
  Sql,
  type SqlRow,
  type StateChange,
  type StoreProjection,
  toNumber,
  toText,
  upsertRows,
} from '@salesos/projections';
import type { DataSource, EntityManager } from 'typeorm';
import { STAFFING_DATABASE, STAFFING_VIEWS } from '../../core/staffing-service.tokens';
import { PeopleDirectory, type PersonPlacement, type UnitMember } from '../application/people-directory.port';
import type { PersonFilter, PersonList, PersonSummary } from '../application/person-list.port';
import { personOwnership } from '../application/person-streams';
import { membershipAt, membershipHistory } from '../domain/membership';
import { type PersonDayStatus, statusOn } from '../domain/person-status';
import { personDecider } from '../domain/person.decider';
import { type PersonEvent, personEvents } from '../domain/person.events';
import type { Person, PersonState } from '../domain/person.state';

/** The name as lists sort it, the same on both engines. */
export const nameKey = (name: string): string => name.normalize('NFKC').toLowerCase();

/** How many ids one statement names at most. */
const idsPerStatement = 500;

const personOf = (row: SqlRow): Person => JSON.parse(String(row.state)) as Person;

/** Every stretch of the person's membership history as a row, in the order recorded. */
function membershipRows(person: Person): Array<Record<string, unknown>> {
  const history = membershipHistory(person);
  return history.map((period, seq) => ({
    person_id: person.personId,
    seq,
    division_id: person.divisionId,
    unit_id: period.unitId,
    position_id: period.positionId,
    change_kind: period.change,
    from_day: period.from,
    until_day: period.until ?? null,
    reason: period.reason ?? null,
    latest: seq === history.length - 1 ? 1 : 0,
  }));
}

/** Keeps the membership and leave rows of the people a page changed in step with them. */
async function sideTables(changes: ReadonlyArray<StateChange<PersonState, PersonEvent>>, tx: EntityManager) {
  for (let start = 0; start < changes.length; start += idsPerStatement) {
    const ids = changes.slice(start, start + idsPerStatement).map((change) => change.id);
    for (const table of ['staffing_membership', 'staffing_person_leave']) {
      const sql = Sql.for(tx);
      await sql.run(tx, `DELETE FROM ${table} WHERE person_id IN (${sql.list(ids)})`);
    }
  }
  const people = changes.flatMap((change) => (change.after.status === 'none' ? [] : [change.after]));
  await upsertRows(tx, 'staffing_membership', ['person_id', 'seq'], people.flatMap(membershipRows));
  await upsertRows(
    tx,
    'staffing_person_leave',
    ['person_id', 'starts_on'],
    people.flatMap((person) =>
      person.leaves.map((leave) => ({
        person_id: person.personId,
        starts_on: leave.startsOn,
        returns_on: leave.returnsOn ?? null,
      })),
    ),
  );
}

/** A membership stretch (alias `m`) that holds on a day. */
const holdsOn = (sql: Sql, alias: string, day: string): string =>
  `${alias}.from_day <= ${sql.param(day)} AND (${alias}.until_day IS NULL OR ${alias}.until_day > ${sql.param(day)})`;

/** People (alias `p`) on leave on a day. */
const onLeave = (sql: Sql, day: string): string =>
  `EXISTS (SELECT 1 FROM staffing_person_leave l WHERE l.person_id = p.person_id
     AND l.starts_on <= ${sql.param(day)} AND (l.returns_on IS NULL OR l.returns_on > ${sql.param(day)}))`;

/** People (alias `p`) at work or on leave on a day: hired by then and not yet gone. */
const working = (sql: Sql, day: string): string =>
  `p.hired_on <= ${sql.param(day)} AND (p.departed_on IS NULL OR p.departed_on > ${sql.param(day)})`;

/** The same standing `statusOn` gives, as a condition on people (alias `p`). */
function hasStatus(sql: Sql, status: PersonDayStatus, day: string): string {
  switch (status) {
    case 'upcoming':
      return `p.hired_on > ${sql.param(day)}`;
    case 'departed':
      return `p.departed_on IS NOT NULL AND p.departed_on <= ${sql.param(day)}`;
    case 'on-leave':
      return `${working(sql, day)} AND ${onLeave(sql, day)}`;
    case 'employed':
      return `${working(sql, day)} AND NOT ${onLeave(sql, day)}`;
  }
}

/**
 * The people (alias `p`) a caller reaches, as `personOwnership` has it today: a team lead those whose unit in charge
 * (where they work today, the unit they join before their first day, the one they left after their departure) is one
 * of the lead's, and their own record; a rep their own.
 */
function reached(sql: Sql, scope: RowScope, today: string): string {
  switch (scope.kind) {
    case 'division':
      return '1 = 1';
    case 'own':
      return `p.user_id = ${sql.param(scope.ownerRepId)}`;
    case 'dealer':
      return '1 = 0';
    case 'team': {
      if (scope.teamIds.length === 0) return `p.user_id = ${sql.param(scope.ownerRepId)}`;
      return `(EXISTS (SELECT 1 FROM staffing_membership c WHERE c.person_id = p.person_id
                 AND c.unit_id IN (${sql.list(scope.teamIds)})
                 AND ((${holdsOn(sql, 'c', today)})
                   OR (p.hired_on > ${sql.param(today)} AND c.seq = 0)
                   OR (p.departed_on IS NOT NULL AND p.departed_on <= ${sql.param(today)} AND c.latest = 1)))
               OR p.user_id = ${sql.param(scope.ownerRepId)})`;
    }
  }
}

function summaryOf(row: SqlRow, day: string): PersonSummary {
  const person = personOf(row);
  const placement = membershipAt(person, day);
  return {
    personId: person.personId,
    name: person.name,
    email: person.email,
    ...(person.userId === undefined ? {} : { userId: person.userId }),
    hiredOn: person.hiredOn,
    status: statusOn(person, day),
    ...(placement === undefined
      ? {}
      : { unitId: placement.unitId, positionId: placement.positionId, since: placement.since }),
    ...(person.departure === undefined ? {} : { departedOn: person.departure.departedOn }),
    version: toNumber(row.version),
  };
}

/**
 * Each person, folded with the person decider's own `evolve`, with the columns lists filter and sort on, beside the
 * stretches of their membership history and their leaves.
 */
@Injectable()
export class PeopleTable extends PeopleDirectory implements PersonList {
  readonly projection: StoreProjection = aggregateTable<PersonState, PersonEvent>({
    name: 'people',
    category: 'person',
    table: 'staffing_person',
    idColumn: 'person_id',
    codec: personEvents,
    evolve: (state, event) => personDecider.evolve(state, event),
    initialState: () => personDecider.initialState(),
    columns: (person) =>
      person.status === 'none'
        ? undefined
        : {
            division_id: person.divisionId,
            user_id: person.userId ?? null,
            name: person.name,
            name_key: nameKey(person.name),
            email: person.email,
            hired_on: person.hiredOn,
            departed_on: person.departure?.departedOn ?? null,
          },
    afterPage: sideTables,
  });

  constructor(
    @Inject(STAFFING_VIEWS) views: ServiceViews,
    @Inject(STAFFING_DATABASE) private readonly db: DataSource,
  ) {
    super();
    views.register(this.projection);
  }

  async placementOn(divisionId: string, personId: string, day: string): Promise<PersonPlacement | undefined> {
    const sql = Sql.for(this.db);
    const [row] = await sql.run(
      this.db,
      `SELECT m.unit_id, m.position_id, p.user_id FROM staffing_membership m
         JOIN staffing_person p ON p.person_id = m.person_id
        WHERE m.person_id = ${sql.param(personId)} AND m.division_id = ${sql.param(divisionId)}
          AND ${holdsOn(sql, 'm', day)}`,
    );
    if (row === undefined) return undefined;
    return {
      unitId: toText(row.unit_id),
      positionId: toText(row.position_id),
      ...(row.user_id === null ? {} : { userId: toText(row.user_id) }),
    };
  }

  async personForUser(divisionId: string, userId: string): Promise<{ personId: string } | undefined> {
    const sql = Sql.for(this.db);
    const [row] = await sql.run(
      this.db,
      `SELECT person_id FROM staffing_person
        WHERE division_id = ${sql.param(divisionId)} AND user_id = ${sql.param(userId)}
        ORDER BY CASE WHEN departed_on IS NULL THEN 0 ELSE 1 END, hired_on DESC, ${sql.binary('person_id')}
        LIMIT 1`,
    );
    return row === undefined ? undefined : { personId: toText(row.person_id) };
  }

  async membersOf(divisionId: string, unitIds: readonly string[], day: string): Promise<UnitMember[]> {
    const members: UnitMember[] = [];
    for (let start = 0; start < unitIds.length; start += idsPerStatement) {
      const sql = Sql.for(this.db);
      const rows = await sql.run(
        this.db,
        `SELECT m.person_id, m.unit_id, m.position_id, p.user_id FROM staffing_membership m
           JOIN staffing_person p ON p.person_id = m.person_id
          WHERE m.division_id = ${sql.param(divisionId)}
            AND m.unit_id IN (${sql.list(unitIds.slice(start, start + idsPerStatement))})
            AND ${holdsOn(sql, 'm', day)}`,
      );
      for (const row of rows) {
        members.push({
          personId: toText(row.person_id),
          ...(row.user_id === null ? {} : { userId: toText(row.user_id) }),
          unitId: toText(row.unit_id),
          positionId: toText(row.position_id),
        });
      }
    }
    // Sorted here, not in SQL, so that the order is the same on both engines and across chunks.
    const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return members.sort((a, b) => byCodePoint(a.unitId, b.unitId) || byCodePoint(a.personId, b.personId));
  }

  async reachOf(divisionId: string, personId: string, day: string): Promise<RecordOwnership | undefined> {
    const sql = Sql.for(this.db);
    const [row] = await sql.run(
      this.db,
      `SELECT state FROM staffing_person
        WHERE person_id = ${sql.param(personId)} AND division_id = ${sql.param(divisionId)}`,
    );
    return row === undefined ? undefined : personOwnership(personOf(row), day);
  }

  async find(filter: PersonFilter, offset: number, limit: number): Promise<Page<PersonSummary>> {
    const where = (sql: Sql): string => {
      const conditions = [`p.division_id = ${sql.param(filter.divisionId)}`, reached(sql, filter.scope, filter.today)];
      if (filter.unitId !== undefined || filter.positionId !== undefined) {
        const placed = [
          ...(filter.unitId === undefined ? [] : [`f.unit_id = ${sql.param(filter.unitId)}`]),
          ...(filter.positionId === undefined ? [] : [`f.position_id = ${sql.param(filter.positionId)}`]),
        ];
        conditions.push(
          `EXISTS (SELECT 1 FROM staffing_membership f WHERE f.person_id = p.person_id
             AND ${placed.join(' AND ')} AND ${holdsOn(sql, 'f', filter.asOf)})`,
        );
      }
      if (filter.status !== undefined) conditions.push(hasStatus(sql, filter.status, filter.asOf));
      return conditions.join(' AND ');
    };
    const count = Sql.for(this.db);
    const [total] = await count.run(this.db, `SELECT COUNT(*) AS total FROM staffing_person p WHERE ${where(count)}`);
    const page = Sql.for(this.db);
    const rows = await page.run(
      this.db,
      `SELECT p.state, p.version FROM staffing_person p WHERE ${where(page)}
        ORDER BY ${page.binary('p.name_key')}, ${page.binary('p.person_id')}
        LIMIT ${page.param(limit)} OFFSET ${page.param(offset)}`,
    );
    return { items: rows.map((row) => summaryOf(row, filter.asOf)), total: toNumber(total?.total) };
  }

  async countMembers(divisionId: string, unitId: string, day: string): Promise<number> {
    const sql = Sql.for(this.db);
    const [row] = await sql.run(
      this.db,
      `SELECT COUNT(DISTINCT person_id) AS members FROM staffing_membership
        WHERE division_id = ${sql.param(divisionId)} AND unit_id = ${sql.param(unitId)}
          AND (until_day IS NULL OR (until_day > ${sql.param(day)} AND from_day < until_day))`,
    );
    return toNumber(row?.members);
  }
}
