import type { Position } from '../domain/position.decider';
import { OrganisationError, OrganisationErrorCode } from '../domain/organisation.errors';

/** A position as the service's view has it, with the version of its stream. */
export type PositionRecord = Position & { version: number };

/** The positions of each division, which people hold and training readiness is measured against. */
export abstract class PositionDirectory {
  abstract position(divisionId: string, positionId: string): Promise<PositionRecord | undefined>;

  /** The division's positions by title, then id; only those of one status when it is given. */
  abstract positionsOf(divisionId: string, status?: Position['status']): Promise<PositionRecord[]>;

  /** The division's position while it is not retired, or a refusal naming the request field that referred to it. */
  async requireActivePosition(divisionId: string, positionId: string, field = 'positionId'): Promise<PositionRecord> {
    const position = await this.position(divisionId, positionId);
    if (position === undefined) {
      throw new OrganisationError(
        OrganisationErrorCode.UnknownReference,
        `${positionId} is not a position of division ${divisionId}`,
        { field },
      );
    }
    if (position.status === 'retired') {
      throw new OrganisationError(OrganisationErrorCode.PositionRetired, `position ${positionId} is retired`, {
        field,
      });
    }
    return position;
  }
}
