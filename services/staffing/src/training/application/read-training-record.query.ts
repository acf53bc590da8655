import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { TrainingReach } from './training-reach';
import { TrainingRecords, type TrainingRecordView } from './training-records.port';

/**
 * A person's training record as the view has it, for those who reach the person today; a person with no training
 * yet has an empty record (version 0).
 */
@Injectable()
export class ReadTrainingRecordQuery {
  constructor(
    @Inject(TrainingReach) private readonly reach: TrainingReach,
    @Inject(TrainingRecords) private readonly records: TrainingRecords,
  ) {}

  async execute(personId: string, caller: RequestContext): Promise<TrainingRecordView> {
    await this.reach.requirePerson(personId, caller);
    const record = await this.records.record(caller.divisionId, personId);
    return (
      record ?? {
        status: 'recorded',
        personId,
        divisionId: caller.divisionId,
        enrolments: [],
        assessments: [],
        certifications: [],
        version: 0,
      }
    );
  }
}
