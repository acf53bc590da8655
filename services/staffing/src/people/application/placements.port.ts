import { invalidPersonInput } from '../domain/person.errors';

/** Where a hire or a transfer places a person; the fields name the request's own. */
export interface Placement {
  unitId?: string;
  positionId?: string;
}

/**
 * What hiring and transferring must know of the organisation: whether a unit of the division takes members from a
 * day, and whether a position of the division is open. The service answers from the organisation's views.
 */
export abstract class Placements {
  /** Whether the unit exists on `day` and has no closing recorded: a member would keep it from closing. */
  abstract unitTakesMembers(divisionId: string, unitId: string, day: string): Promise<boolean>;
  abstract positionIsOpen(divisionId: string, positionId: string): Promise<boolean>;

  /**
   * Refuses a unit or position the division does not have open from `day` (the first day of a hire or a transfer),
   * naming the request field that referred to it.
   */
  async requirePlacement(
    divisionId: string,
    placement: Placement,
    day: string,
    fields: { unitId: string; positionId: string } = { unitId: 'unitId', positionId: 'positionId' },
  ): Promise<void> {
    const { unitId, positionId } = placement;
    if (unitId !== undefined && !(await this.unitTakesMembers(divisionId, unitId, day))) {
      throw invalidPersonInput(fields.unitId, `${unitId} is not a unit of division ${divisionId} open from ${day}`);
    }
    if (positionId !== undefined && !(await this.positionIsOpen(divisionId, positionId))) {
      throw invalidPersonInput(fields.positionId, `${positionId} is not an open position of division ${divisionId}`);
    }
  }
}
