import type { TrainingRecord } from '../domain/training.state';

/** A person's training record as the service's view has it, with the version of its stream. */
export type TrainingRecordView = TrainingRecord & { version: number };

/** Each person's training: enrolments, assessments and certifications, as the service's view has them. */
export abstract class TrainingRecords {
  abstract record(divisionId: string, personId: string): Promise<TrainingRecordView | undefined>;

  /** The records of these people of the division; a person without a record is left out. */
  abstract recordsOf(divisionId: string, personIds: readonly string[]): Promise<TrainingRecordView[]>;
}
