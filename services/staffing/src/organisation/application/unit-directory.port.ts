import { isOpenOn, type Unit } from '../domain/unit.decider';
import { OrganisationError, OrganisationErrorCode } from '../domain/organisation.errors';

/** A unit as the service's view has it, with the version of its stream. */
export type UnitRecord = Unit & { version: number };

/**
 * The units of each division, which new units sit under and people belong to. A unit not of the request's division
 * reads as one the division does not have.
 */
export abstract class UnitDirectory {
  abstract unit(divisionId: string, unitId: string): Promise<UnitRecord | undefined>;

  /** Every unit the division ever opened, closed ones included. */
  abstract unitsOf(divisionId: string): Promise<UnitRecord[]>;

  /** The units right below a unit, closed ones included. */
  abstract unitsBelow(divisionId: string, unitId: string): Promise<UnitRecord[]>;

  /** The division's unit, or a refusal naming the request field that referred to it. */
  async requireUnit(divisionId: string, unitId: string, field = 'unitId'): Promise<UnitRecord> {
    const unit = await this.unit(divisionId, unitId);
    if (unit === undefined) {
      throw new OrganisationError(
        OrganisationErrorCode.UnknownReference,
        `${unitId} is not a unit of division ${divisionId}`,
        { field },
      );
    }
    return unit;
  }

  /** The division's unit if it exists on `day` and no closing is recorded for it; a refusal naming `field` if not. */
  async requireOpenUnit(divisionId: string, unitId: string, day: string, field = 'unitId'): Promise<UnitRecord> {
    const unit = await this.requireUnit(divisionId, unitId, field);
    if (unit.status === 'closed' || !isOpenOn(unit, day)) {
      throw new OrganisationError(
        OrganisationErrorCode.UnitClosed,
        unit.status === 'closed'
          ? `unit ${unitId} closes from ${unit.closedOn ?? 'a recorded day'}`
          : `unit ${unitId} opens only on ${unit.openedOn}`,
        { field },
      );
    }
    return unit;
  }
}
