import type { RecordOwnership } from '@salesos/http';

/** Where a person works on a day, and the login they work under. */
export interface PersonPlacement {
  unitId: string;
  positionId: string;
  userId?: string;
}

/** A member of a unit on a day. */
export interface UnitMember {
  personId: string;
  userId?: string;
  unitId: string;
  positionId: string;
}

/**
 * Who works where, from the people view, for the service's other features: a person's unit and position on a day,
 * the person behind a login, the members of units on a day, and whose a person-scoped record is for reach checks.
 * Another division's person reads as none.
 */
export abstract class PeopleDirectory {
  /** The person's unit and position on `day`: none before their first day, nor from their departure on. */
  abstract placementOn(divisionId: string, personId: string, day: string): Promise<PersonPlacement | undefined>;

  /**
   * The person who works under a login: of several, the one not departed, then the one hired last. The leads service
   * knows reps by this user id.
   */
  abstract personForUser(divisionId: string, userId: string): Promise<{ personId: string } | undefined>;

  /** Who belongs to any of the units on `day`, by unit then person. */
  abstract membersOf(divisionId: string, unitIds: readonly string[], day: string): Promise<UnitMember[]>;

  /**
   * Whose a record about the person is, for reach checks on `day`: the division's, the person's own through their
   * login (as owner), and their unit's lead's (the unit as team; before the first day the unit they join, after the
   * departure the unit they left).
   */
  abstract reachOf(divisionId: string, personId: string, day: string): Promise<RecordOwnership | undefined>;
}
