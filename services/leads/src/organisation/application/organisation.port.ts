import type { Division } from '../domain/division.decider';
import { DivisionError, DivisionErrorCode } from '../domain/division.errors';

/** The sales organisation as the service knows it: divisions and who and what belongs to each. */
export abstract class Organisation {
  abstract division(divisionId: string): Promise<Division | undefined>;
  abstract divisions(): Promise<Division[]>;

  /** The division, or a refusal: nothing is written into a division that does not exist. */
  async requireDivision(divisionId: string): Promise<Division> {
    const division = await this.division(divisionId);
    if (division === undefined) {
      throw new DivisionError(DivisionErrorCode.NotFound, `There is no division '${divisionId}'`);
    }
    return division;
  }

  /** Refuses a rep who is not one of the division's, naming the request field. */
  async requireRep(divisionId: string, repId: string, field: string): Promise<void> {
    const division = await this.requireDivision(divisionId);
    if (!division.repIds.includes(repId)) {
      throw new DivisionError(DivisionErrorCode.UnknownReference, `is not a rep of division ${divisionId}`, field);
    }
  }

  async requireTeam(divisionId: string, teamId: string, field: string): Promise<void> {
    const division = await this.requireDivision(divisionId);
    if (!division.teams.some((team) => team.teamId === teamId)) {
      throw new DivisionError(DivisionErrorCode.UnknownReference, `is not a team of division ${divisionId}`, field);
    }
  }
}
