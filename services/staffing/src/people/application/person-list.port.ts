import type { Page, RowScope } from '@salesos/http';
import type { PersonDayStatus } from '../domain/person-status';

/** What a list of people asks for: the division's, in the caller's reach, on a day, narrowed by the filters given. */
export interface PersonFilter {
  divisionId: string;
  /** The day the list describes: each person's unit, position and status then. */
  asOf: string;
  /** Today: reach is decided by where people work today, whatever day the list describes. */
  today: string;
  /** The caller's reach: a team lead's teams are the units they manage; a rep sees only their own record. */
  scope: RowScope;
  /** Members of this unit on `asOf`. */
  unitId?: string;
  /** Holders of this position on `asOf`. */
  positionId?: string;
  status?: PersonDayStatus;
}

/** One person as a list shows them on a day; the full record, with its history, is the person's own read. */
export interface PersonSummary {
  personId: string;
  name: string;
  email: string;
  userId?: string;
  hiredOn: string;
  status: PersonDayStatus;
  /** Where they work on the list's day; absent before their first day and from their departure on. */
  unitId?: string;
  positionId?: string;
  /** The first day of that placement. */
  since?: string;
  departedOn?: string;
  version: number;
}

/** The division's people, filtered and paged in the database, by name then id; and the members a unit keeps. */
export abstract class PersonList {
  abstract find(filter: PersonFilter, offset: number, limit: number): Promise<Page<PersonSummary>>;

  /** How many people belong to the unit on `day` or join it later (a transfer still to come included). */
  abstract countMembers(divisionId: string, unitId: string, day: string): Promise<number>;
}
