import { invalidPersonInput } from '../domain/person.errors';

/** Where a hire or a transfer places a person; the fields name the request's own. */
export interface Placement {
  unitId?: string;
  positionId?: string;
}

/**
 * What hiring and transferring must know of the organisation: whether a unit of the division takes members and
 * whether a position of the division is open. The service answers from the organisation's views.
 */
export abstract class Placements {
  abstract unitTakesMembers(divisionId: string, unitId: string): Promise<boolean>;
  abstract positionIsOpen(divisionId: string, positionId: string): Promise<boolean>;

  /** Refuses a unit or position the division does not have open, naming the request field that referred to it. */
  async requirePlacement(
    divisionId: string,
    placement: Placement,
    fields: { unitId: string; positionId: string } = { unitId: 'unitId', positionId: 'positionId' },
  ): Promise<void> {
    const { unitId, positionId } = placement;
    if (unitId !== undefined && !(await this.unitTakesMembers(divisionId, unitId))) {
      throw invalidPersonInput(fields.unitId, `${unitId} is not an open unit of division ${divisionId}`);
    }
    if (positionId !== undefined && !(await this.positionIsOpen(divisionId, positionId))) {
      throw invalidPersonInput(fields.positionId, `${positionId} is not an open position of division ${divisionId}`);
    }
  }
}
