import type { Programme } from '../domain/programme.decider';

/** A programme as the service's view has it, with the version of its stream. */
export type ProgrammeRecord = Programme & { version: number };

/** The programmes of each division's training catalogue. */
export abstract class ProgrammeCatalogue {
  abstract programme(divisionId: string, programmeId: string): Promise<ProgrammeRecord | undefined>;

  /** The division's programmes by title, then id; only those of one status when it is given. */
  abstract programmesOf(divisionId: string, status?: Programme['status']): Promise<ProgrammeRecord[]>;
}
