/**
 * Who belongs to a unit, as the people feature records hires, transfers and departures (each effective from a day).
 * The organisation asks it before a unit closes; the people feature answers it from its membership view.
 */
export abstract class UnitMembership {
  /**
   * The people who belong to the unit on `day` or are to join it later: a unit closing from `day` must have none,
   * neither today's members nor a transfer into it still to come.
   */
  abstract memberCount(divisionId: string, unitId: string, day: string): Promise<number>;
}
